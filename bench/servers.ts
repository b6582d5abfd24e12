import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A server process started for a benchmark, on its own core, and how to reach it. */
export interface BenchServer {
  url: string;
  startupLine: string;
  /** The process's resident set size now, from /proc (null where there is none). */
  rssBytes(): number | null;
  stop(): Promise<void>;
}

/** VmRSS of process `pid` in bytes, or null (not Linux, or the process is gone). */
export function rssOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/** Starts `node args…` and waits for the line "listening on URL" (or `listening`, when given). */
export function startServer(args: string[], listening = /listening on (http:\/\/[^\s]+)/): Promise<BenchServer> {
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 300_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = listening.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      // From here on the server's output (e.g. its request log) is read and dropped, not kept.
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      const startupLine = output.split('\n').find((line) => line.includes('seeded')) ?? '';
      resolve({
        url: match[1],
        startupLine,
        rssBytes: () => rssOf(child.pid),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`server exited with ${code ?? signal}: ${output}`)));
  });
}

/** The mock from source on a free port with 200 customers of seed 42, quiet, plus `extra` flags. */
export function startBenchMock(extra: string[] = []): Promise<BenchServer> {
  const flags = ['--port', '0', '--count', '200', '--seed', '42', '--quiet', ...extra];
  return startServer(['--import', 'tsx', 'src/cli/portos-mock.ts', 'serve', ...flags]);
}

/** Logs in as the fixture viewer and returns the bearer header. */
export async function login(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName: 'viewer', password: 'viewer', deviceName: 'P01' }),
  });
  const body = (await res.json()) as { tokenId: string };
  return { authorization: `Bearer ${body.tokenId}` };
}
