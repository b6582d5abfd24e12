import { readFile } from 'node:fs/promises';
import { CONTROL_TOKEN_HEADER } from '../control-token.js';
import { type ControlPlan, UsageError } from './control-command.js';

/** What a control command printed and its exit code: 0 done, 1 the mock refused (its problem is printed). */
export interface ControlOutcome {
  code: 0 | 1;
  stdout: string;
  stderr: string;
}

async function readBodyFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text) as unknown, null, 2);
  } catch {
    return text;
  }
}

/** The mock did not answer at all (not running, wrong `--url`): one line saying so. */
export class UnreachableMock extends Error {
  override name = 'UnreachableMock';

  constructor(plan: Pick<ControlPlan, 'url' | 'prefix'>, error: unknown) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const reason =
      (cause as { code?: unknown } | null)?.code ?? (cause instanceof Error ? cause.message : String(cause));
    super(`no mock answers at ${plan.url}${plan.prefix} (${String(reason)}); start one or pass --url`);
  }
}

/** Performs the planned call against a running mock and renders the answer. */
export async function runControl(plan: ControlPlan): Promise<ControlOutcome> {
  const { call } = plan;
  const body =
    call.bodyFile !== undefined
      ? await readBodyFile(call.bodyFile)
      : call.body === undefined
        ? undefined
        : JSON.stringify(call.body);
  // The control API takes a POST only as JSON, an empty one included (src/control/CONTROL-API.md#who-may-call-it).
  const json = body !== undefined || call.method === 'POST';
  const target = `${plan.url}${plan.prefix}${call.path}`;
  let response: Response;
  try {
    response = await fetch(target, {
      method: call.method,
      headers: {
        'accept-language': plan.lang,
        ...(json ? { 'content-type': 'application/json' } : {}),
        ...(plan.token === undefined ? {} : { [CONTROL_TOKEN_HEADER]: plan.token }),
      },
      ...(body === undefined ? {} : { body }),
    });
  } catch (error) {
    throw new UnreachableMock(plan, error);
  }
  const text = await response.text();
  const shown = text === '' ? '' : `${pretty(text)}\n`;
  if (response.ok)
    return { code: 0, stdout: shown === '' ? `${response.status} ${call.method} ${call.path}\n` : shown, stderr: '' };
  return { code: 1, stdout: '', stderr: `${response.status} ${call.method} ${call.path}\n${shown}` };
}
