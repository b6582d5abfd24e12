import { readFile } from 'node:fs/promises';
import { CONTROL_TOKEN_HEADER } from '../control-token.js';
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
  // The control API takes a POST only as JSON, an empty one included (src/control/CONTROL-API.md#who-may-call-it).
  const json = body !== undefined || call.method === 'POST';
  const response = await fetch(`${plan.url}${plan.prefix}${call.path}`, {
    method: call.method,
    headers: {
      ...(json ? { 'content-type': 'application/json' } : {}),
      ...(plan.token === undefined ? {} : { [CONTROL_TOKEN_HEADER]: plan.token }),
    },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  const shown = text === '' ? '' : `${pretty(text)}\n`;
  if (response.ok)
    return { code: 0, stdout: shown === '' ? `${response.status} ${call.method} ${call.path}\n` : shown, stderr: '' };
  return { code: 1, stdout: '', stderr: `${response.status} ${call.method} ${call.path}\n${shown}` };
}
