import { exitCode, tally, type RunResult } from '../result.js';

/** The whole result as JSON (format `portos-contracts/1`), for tools. */
export function formatJsonReport(result: RunResult): string {
  return `${JSON.stringify({ format: 'portos-contracts/1', summary: { ...tally(result), issues: result.issues.length, exitCode: exitCode(result) }, ...result }, null, 2)}\n`;
}
