import type { Finding } from './finding.js';
import { parsePath, valueAt } from './json-path.js';
import type { Observation } from './replay.js';
import type { CaptureSource } from './scenario.js';

function read(from: string, obs: Observation): unknown {
  if (from === 'status') return obs.status;
  if (from === 'body') return obs.body;
  if (from.startsWith('headers.')) return obs.headers[from.slice('headers.'.length).toLowerCase()];
  const segments = parsePath(from.replace(/^body\.?/, ''));
  return segments === undefined ? undefined : valueAt(obs.body, segments);
}

/** Reads a step's captures from its response; a missing value is a finding (later steps would need it). */
export function captureValues(
  capture: Readonly<Record<string, CaptureSource>>,
  obs: Observation,
): { values: Record<string, unknown>; findings: Finding[] } {
  const values: Record<string, unknown> = {};
  const found: Finding[] = [];
  for (const [name, source] of Object.entries(capture)) {
    const from = typeof source === 'string' ? source : source.from;
    let value = read(from, obs);
    if (typeof source !== 'string' && value !== undefined) {
      const m = new RegExp(source.regex).exec(String(value));
      value = m === null ? undefined : (m[1] ?? m[0]);
    }
    if (value === undefined) {
      found.push({
        kind: 'capture',
        path: from,
        message: `cannot capture \${${name}}: nothing at ${from}${typeof source === 'string' ? '' : ` matching /${source.regex}/`}`,
      });
    } else values[name] = value;
  }
  return { values, findings: found };
}
