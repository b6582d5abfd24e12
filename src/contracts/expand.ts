import { interpolateString } from './interpolate.js';
import type { LoadedScenario, Scenario, ScenarioFile } from './scenario.js';

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
    return {
      id: `${file} › ${name}`,
      file,
      name,
      basis: scenario.basis,
      tags,
      ...(scenario.source === undefined ? {} : { source: scenario.source }),
      steps: scenario.steps,
      vars: { ...row },
      defaults: {
        ...(scenario.as === undefined ? {} : { as: scenario.as }),
        ...(scenario.lang === undefined ? {} : { lang: scenario.lang }),
      },
    };
  });
}
