import { readFile } from 'node:fs/promises';
import type { ControlPlan } from './control-command.js';

/** What a control command printed and its exit code: 0 done, 1 the mock refused (its problem is printed). */
export interface ControlOutcome {
  code: 0 | 1;
  stdout: string;
  stderr: string;
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text) as unknown, null, 2);
  } catch {
    return text;
  }
}

/** Performs the planned call against a running mock and renders the answer. */
export async function runControl(plan: ControlPlan): Promise<ControlOutcome> {
  const { call } = plan;
  const body =
    call.bodyFile !== undefined
      ? await readFile(call.bodyFile, 'utf8')
      : call.body === undefined
        ? undefined
        : JSON.stringify(call.body);
  const response = await fetch(`${plan.url}${plan.prefix}${call.path}`, {
    method: call.method,
    ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
  });
  const text = await response.text();
  const shown = text === '' ? '' : `${pretty(text)}\n`;
  if (response.ok)
    return { code: 0, stdout: shown === '' ? `${response.status} ${call.method} ${call.path}\n` : shown, stderr: '' };
  return { code: 1, stdout: '', stderr: `${response.status} ${call.method} ${call.path}\n${shown}` };
}
