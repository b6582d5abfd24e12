// Command-line failures: each is one line on stderr that says what to fix, checked before any work starts, with
// exit code 2. The bins run the built JS (`npm run build` first).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const built = existsSync('dist/src/cli/portos-mock.js') && existsSync('dist/src/cli/portos-contracts.js');
const skip = !built && 'run npm run build first';

const dir = mkdtempSync(join(tmpdir(), 'portos-mock-cli-'));
writeFileSync(join(dir, 'plain-file'), 'x');

function run(bin: string, args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [`bin/${bin}.js`, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORTOS_MOCK_URL: 'http://127.0.0.1:9' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** (bin, argv) → exit code and the one stderr line it must print. */
const CASES: [bin: string, args: readonly string[], code: number, line: RegExp][] = [
  [
    'portos-mock',
    ['serve', '--port', '0', '--quiet', '--state', dir],
    2,
    /^portos-mock: state file .* cannot be used: it is a folder, not a file$/,
  ],
  [
    'portos-mock',
    ['serve', '--port', '0', '--quiet', '--state', join(dir, 'plain-file', 'state.json')],
    2,
    /^portos-mock: state file .*plain-file\/state\.json cannot be used: its folder cannot be created \(.+\)$/,
  ],
];

for (const [bin, args, code, line] of CASES) {
  test(`${bin} ${args.join(' ')} → exit ${code}, one line`, { skip }, async () => {
    const result = await run(bin, args);
    assert.equal(result.code, code, result.stderr);
    const lines = result.stderr.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0] ?? '', line);
  });
}
