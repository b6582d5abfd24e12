// `portos-mock serve` on SIGTERM: every hub connection gets {"type":7} and close 1000, so the official client
// closes without an error (docs/decisions.md#real-time-notifications). Runs the built bin (`npm run build`).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { client, RESOURCES } from './support.js';

test('SIGTERM closes every hub connection cleanly, then the process exits 0', {
  skip: !existsSync('dist/src/cli/portos-mock.js') && 'run npm run build first',
  timeout: 30_000,
}, async () => {
  const child = spawn(process.execPath, ['bin/portos-mock.js', 'serve', '--port', '0', '--count', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  const login = await fetch(`${url}/api/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName: 'manager', password: 'manager', deviceName: 'P01' }),
  });
  const { tokenId } = (await login.json()) as { tokenId: string };
  const watchers = [client(`${url}/signalr/v1/mainHub`, tokenId), client(`${url}/signalr/v1/mainHub`, tokenId)];
  await Promise.all(watchers.map((watcher) => watcher.connection.start()));
  await Promise.all(watchers.map((watcher) => watcher.connection.invoke('Subscribe', RESOURCES)));
  child.kill('SIGTERM');
  for (const watcher of watchers) assert.equal(await watcher.closed, undefined);
  assert.equal(await exit, 0);
});
