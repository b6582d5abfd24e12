import { ACTION_NAMES, actionRow, readAction, undoneBy, type ControlActionSpec } from './control-actions.js';
import type { SchemaIssue } from './schema-issues.js';
import { CONTROL_TAG, EXCLUSIVE_TAG, isHubStep, type Scenario, type ScenarioFile } from './scenario.js';

type Segments = (string | number)[];

/** The mock's default fault header: a request sending it needs the control API too. */
const FAULT_HEADER = 'x-mock-fault';

function globalReason(name: string): string {
  return name === 'fault'
    ? 'a fault rule without scope.id may hit the requests of scenarios running at the same time: scope it to an id the scenario created, or tag the scenario exclusive'
    : `'${name}' reaches beyond the scenario's own ids: tag the scenario ${EXCLUSIVE_TAG} (it then runs after the others, alone)`;
}

/**
 * The rules of `arrange:`, `finally:` and control requests that the schema cannot express: one action per item,
 * the `control` tag, `exclusive` for global actions, undo actions in `finally`, transport expectations.
 */
export function lintControl(file: ScenarioFile, scenario: Scenario, base: Segments): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const tags = new Set([...(file.tags ?? []), ...(scenario.tags ?? [])]);
  const finallyActions = scenario.finally ?? [];
  let usesControl = finallyActions.length > 0;
  const check = (specs: readonly ControlActionSpec[], at: Segments, undo: boolean) =>
    specs.forEach((spec, i) => {
      const action = readAction(spec);
      if (action === undefined) {
        issues.push({
          segments: [...at, i],
          message: `an action names exactly one of ${ACTION_NAMES.join(', ')} (and may add capture)`,
        });
        return;
      }
      if (actionRow(action.name).global(action.arg) && !tags.has(EXCLUSIVE_TAG))
        issues.push({ segments: [...at, i, action.name], message: globalReason(action.name) });
      const undone = undo ? undoneBy(action, finallyActions) : { ok: true as const };
      if (!undone.ok) {
        issues.push({
          segments: [...at, i, action.name],
          message: `add ${JSON.stringify(undone.needed)} to the scenario's finally (run even when a step fails)`,
        });
      }
    });
  scenario.steps.forEach((step, s) => {
    if (isHubStep(step)) return;
    const at: Segments = [...base, 'steps', s];
    const faultHeader = Object.keys(step.request.headers ?? {}).some((h) => h.toLowerCase() === FAULT_HEADER);
    if (step.arrange !== undefined || step.request.api === 'control' || faultHeader) usesControl = true;
    check(step.arrange ?? [], [...at, 'arrange'], true);
    if (step.request.api === 'control' && step.request.method !== 'GET') {
      issues.push({
        segments: [...at, 'request', 'method'],
        message: 'a control request reads (GET); change the mock with arrange actions',
      });
    }
    if (step.expect.status === undefined && step.expect.transport === undefined) {
      issues.push({
        segments: [...at, 'expect'],
        message: "missing member 'status' (or 'transport' for a step that expects no whole response)",
      });
    }
    if (step.expect.transport !== undefined) {
      if (step.expect.status !== undefined)
        issues.push({
          segments: [...at, 'expect', 'transport'],
          message: 'expect either a status or a transport failure, not both',
        });
      if (step.capture !== undefined)
        issues.push({
          segments: [...at, 'capture'],
          message: 'a step that expects a transport failure has no response to capture from',
        });
    }
  });
  check(finallyActions, [...base, 'finally'], false);
  if (usesControl && !tags.has(CONTROL_TAG)) {
    issues.push({
      segments: [...base, 'tags'],
      message: `a scenario with arrange, finally, api: control or an X-Mock-Fault header needs the tag ${CONTROL_TAG} (it is skipped against a server without the mock control API)`,
    });
  }
  return issues;
}
