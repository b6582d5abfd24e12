import { spawn, type ChildProcess } from 'node:child_process';

/** A server process started for a benchmark, on its own core, and how to reach it. */
export interface BenchServer {
  url: string;
  startupLine: string;
  stop(): Promise<void>;
}

/** Starts `node args…` and waits for the line "listening on URL". */
export function startServer(args: string[]): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      // From here on the server's output (e.g. its request log) is read and dropped, not kept.
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      const startupLine = output.split('\n').find((line) => line.includes('seeded')) ?? '';
      resolve({
        url: match[1],
        startupLine,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

/** The mock from source on a free port with 200 customers of seed 42, quiet, plus `extra` flags. */
export function startBenchMock(extra: string[] = []): Promise<BenchServer> {
  const flags = ['--port', '0', '--count', '200', '--seed', '42', '--quiet', ...extra];
  return startServer(['--import', 'tsx', 'src/cli/portos-mock.ts', 'serve', ...flags]);
}
