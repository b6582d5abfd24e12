import { spawn } from 'node:child_process';
import type { ShellStep } from './ci-recipes.js';

/** A step that did not exit 0. */
export class StepFailed extends Error {}

/**
 * Runs each step as `bash -eo pipefail` in its own process group, one after the other, like a CI runner; what a
 * step starts in the background keeps running until `stop()` ends those groups.
 */
export function stepRunner(options: { cwd: string; env: NodeJS.ProcessEnv }): {
  runStep: (step: ShellStep) => Promise<string>;
  stop: () => void;
} {
  const groups: number[] = [];
  const runStep = (step: ShellStep): Promise<string> => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.script], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    if (child.pid !== undefined) groups.push(child.pid);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      // 'exit', not 'close': a background process may still hold the pipes.
      child.on('exit', (code) =>
        code === 0 ? resolve(output) : reject(new StepFailed(`step "${step.name}" exited ${code}:\n${output}`)),
      );
    });
  };
  const stop = () => {
    for (const group of groups) {
      try {
        process.kill(-group, 'SIGTERM');
      } catch {
        // the group has ended already
      }
    }
  };
  return { runStep, stop };
}
