import { interpolateString } from './interpolate.js';
import {
  type HubStep,
  hubStepIdentity,
  isHubStep,
  type LoadedScenario,
  type Scenario,
  type ScenarioFile,
  type ScenarioStep,
} from './scenario.js';

/** Fills `${column}` of the example row into identity names (the loader checked they are columns). */
function rowIdentity(as: string | string[] | undefined, row: Record<string, unknown>): string | string[] | undefined {
  if (as === undefined) return undefined;
  const fill = (name: string) =>
    name.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (m, key: string) =>
      Object.hasOwn(row, key) ? String(row[key]) : m,
    );
  return typeof as === 'string' ? fill(as) : as.map(fill);
}

function rowHubStep(step: HubStep, row: Record<string, unknown>): HubStep {
  const as = rowIdentity(hubStepIdentity(step), row);
  if (typeof as !== 'string') return step;
  if ('subscribe' in step) return { ...step, subscribe: { ...step.subscribe, as } };
  if ('unsubscribe' in step) return { ...step, unsubscribe: { ...step.unsubscribe, as } };
  return { ...step, connect: { as } };
}

function rowSteps(steps: readonly ScenarioStep[], row: Record<string, unknown>): ScenarioStep[] {
  return steps.map((step) => {
    if (isHubStep(step)) return rowHubStep(step, row);
    const as = rowIdentity(step.as, row);
    return as === undefined ? step : { ...step, as };
  });
}

function rowName(name: string, row: Record<string, unknown>, index: number, rows: number): string {
  if (rows === 1 && !name.includes('${')) return name;
  if (!name.includes('${')) return `${name} [${index + 1}]`;
  // Only the row's columns are known here; any other placeholder stays as written.
  const result = interpolateString(name, {
    vars: row,
    now: () => new Date(0),
    profile: () => undefined,
  });
  return result.ok ? String(result.value) : `${name} [${index + 1}]`;
}

/** One LoadedScenario per example row (or one without `examples`), with file tags merged in. */
export function expandScenario(file: string, parsed: ScenarioFile, scenario: Scenario): LoadedScenario[] {
  const rows = scenario.examples ?? [{}];
  const tags = [...new Set([...(parsed.tags ?? []), ...(scenario.tags ?? [])])];
  return rows.map((row, i) => {
    const name = rowName(scenario.name, row, i, rows.length);
    const as = rowIdentity(scenario.as, row);
    return {
      id: `${file} › ${name}`,
      file,
      name,
      basis: scenario.basis,
      tags,
      ...(scenario.source === undefined ? {} : { source: scenario.source }),
      steps: rowSteps(scenario.steps, row),
      ...(scenario.finally === undefined ? {} : { finally: scenario.finally }),
      vars: { ...row },
      defaults: {
        ...(as === undefined ? {} : { as }),
        ...(scenario.lang === undefined ? {} : { lang: scenario.lang }),
      },
    };
  });
}
