import { spawn } from 'node:child_process';
import { delimiter, sep } from 'node:path';

/** What a finished command printed and how it ended. */
export interface RunOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a project that merely installed the package: no `npm_*` variables of the `npm test` that
 * runs us (they would steer the inner npm), no repository `node_modules/.bin` on PATH (its tsc, tsx, ... are not
 * the consumer's), not a test-runner child.
 */
export function consumerEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith('npm_') && key !== 'NODE_TEST_CONTEXT') env[key] = value;
  }
  env['PATH'] = (process.env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes(`node_modules${sep}.bin`))
    .join(delimiter);
  env['SCARF_ANALYTICS'] = 'false';
  return { ...env, ...extra };
}

/** Runs a command to its end (no shell), collecting its output. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<RunOutput> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? consumerEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `output` as one string for assertion messages. */
export function describeOutput(output: RunOutput): string {
  return `exit ${output.code}\n--- stdout\n${output.stdout}\n--- stderr\n${output.stderr}`;
}
