import { exitCode, STATUS_NAMES, tally, type RunResult } from '../result.js';

/**
 * The whole result as JSON (format `portos-contracts/1`), for tools: `statuses` names each status as the other
 * reports do (`error`: could not run), and each scenario carries its `outcome` in those words.
 */
export function formatJsonReport(result: RunResult): string {
  const summary = { ...tally(result), issues: result.issues.length, exitCode: exitCode(result) };
  const scenarios = result.scenarios.map((s) => ({ ...s, outcome: STATUS_NAMES[s.status] }));
  return `${JSON.stringify({ format: 'portos-contracts/1', statuses: STATUS_NAMES, summary, ...result, scenarios }, null, 2)}\n`;
}
