import type { Issue } from '../errors/issue.js';
import { ControlInput } from './control-input.js';
import { LEASE_MODES, type LeaseMode } from './lease-table.js';
import type { Parsed } from './parse-fault.js';

/** A lease lasts `ttlMs` (default 60 s, 1 s to 1 h) unless renewed. */
export const LEASE_TTL = { default: 60_000, min: 1_000, max: 3_600_000 } as const;
/** How long `POST /_mock/lease` holds its answer while the lease is not free (default 30 s, 0 to 2 min). */
export const LEASE_WAIT = { default: 30_000, min: 0, max: 120_000 } as const;

export interface LeaseAsk {
  mode: LeaseMode;
  ttlMs: number;
  waitMs: number;
}

function read<T>(body: unknown, members: readonly string[], get: (input: ControlInput) => T): Parsed<T> {
  const issues: Issue[] = [];
  const object = ControlInput.object(body, '$', issues);
  if (object === undefined) return { ok: false, issues };
  const value = get(new ControlInput(object, '$', issues, members));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** The body of `POST /_mock/lease`: `{mode, ttlMs?, waitMs?}`, every problem listed. */
export function parseLeaseAsk(body: unknown): Parsed<LeaseAsk> {
  return read(body, ['mode', 'ttlMs', 'waitMs'], (input) => ({
    mode: input.oneOf('mode', LEASE_MODES, true) ?? 'shared',
    ttlMs: input.integer('ttlMs', LEASE_TTL.min, LEASE_TTL.max) ?? LEASE_TTL.default,
    waitMs: input.integer('waitMs', LEASE_WAIT.min, LEASE_WAIT.max) ?? LEASE_WAIT.default,
  }));
}

/** The body of `POST /_mock/lease/{id}/renew`: `{ttlMs?}` (default: the lease's own). */
export function parseLeaseRenewal(body: unknown): Parsed<{ ttlMs?: number }> {
  return read(body, ['ttlMs'], (input) => {
    const ttlMs = input.integer('ttlMs', LEASE_TTL.min, LEASE_TTL.max);
    return ttlMs === undefined ? {} : { ttlMs };
  });
}
