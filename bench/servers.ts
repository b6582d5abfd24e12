import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A server process started for a benchmark, on its own core, and how to reach it. */
export interface BenchServer {
  url: string;
  startupLine: string;
  /** Resolves with the first later line of output that matches `pattern` (rejects after `timeoutMs`). */
  lineMatching(pattern: RegExp, timeoutMs?: number): Promise<string>;
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

interface LineWait {
  pattern: RegExp;
  found: (line: string) => void;
}

/**
 * The server's output after start-up, read line by line and dropped (e.g. its request log), except the last 100
 * lines and those someone waits for: `matching` resolves with the first such line, seen already or still to come.
 */
function followLines(child: ChildProcess, output: string) {
  const waiting = new Set<LineWait>();
  const recent = output.split('\n');
  let partial = recent.pop() ?? '';
  child.stdout?.on('data', (more: Buffer) => {
    const lines = (partial + more.toString()).split('\n');
    partial = lines.pop() ?? '';
    recent.push(...lines);
    recent.splice(0, Math.max(0, recent.length - 100));
    for (const line of lines) {
      for (const wait of waiting) {
        if (!wait.pattern.test(line)) continue;
        waiting.delete(wait);
        wait.found(line);
      }
    }
  });
  const matching = (pattern: RegExp, timeoutMs = 600_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const seen = recent.find((line) => pattern.test(line));
      if (seen !== undefined) return resolve(seen);
      const wait: LineWait = {
        pattern,
        found: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      };
      const timer = setTimeout(() => {
        waiting.delete(wait);
        reject(new Error(`no line matching ${pattern}`));
      }, timeoutMs);
      waiting.add(wait);
    });
  return { matching };
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
      child.stdout?.off('data', onData);
      const lines = followLines(child, output);
      const startupLine = output.split('\n').find((line) => line.includes('seeded')) ?? '';
      resolve({
        url: match[1],
        startupLine,
        lineMatching: lines.matching,
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
