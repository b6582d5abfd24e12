/** Where a command writes, and what it reads from its environment: injected so tests can run commands in process. */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Whether stdout is a terminal (colors). */
  tty: boolean;
}

/** The process's own streams. */
export function processIo(): CommandIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    tty: process.stdout.isTTY === true,
  };
}
