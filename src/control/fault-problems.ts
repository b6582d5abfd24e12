import { AppError } from '../errors/app-error.js';

/** What a status fault knows about the request it answers, to fill the problem's parameters. */
export interface FaultTarget {
  resource: string;
  /** The key the request names (path, or a POST body's key member), if any. */
  id: string | null;
  path: string;
  limitBytes: number;
  contentType: string | null;
}

/**
 * The statuses a `status` fault may answer with: each maps to the catalogue problem it sends (localized like any
 * other). Statuses outside this table are refused, so every faulted response is still a documented PORTOS problem.
 */
export const FAULT_PROBLEMS = {
  401: () => new AppError('unauthenticated', { reason: 'expired-token' }),
  403: () => new AppError('forbidden', { missingRights: ['admin'], need: 'all' }),
  404: (t: FaultTarget) =>
    t.id === null
      ? new AppError('route_not_found', { path: t.path })
      : new AppError('not_found', { resource: t.resource, id: t.id }),
  413: (t: FaultTarget) => new AppError('payload_too_large', { limitBytes: t.limitBytes }),
  415: (t: FaultTarget) => new AppError('unsupported_media_type', { contentType: t.contentType }),
  423: (t: FaultTarget) => new AppError('locked', { resource: t.resource, id: t.id ?? '-' }),
  500: () => new AppError('internal', {}),
} as const satisfies Record<number, (target: FaultTarget) => AppError>;

export type FaultStatus = keyof typeof FAULT_PROBLEMS;

export const FAULT_STATUSES = Object.keys(FAULT_PROBLEMS).map(Number) as FaultStatus[];

export function isFaultStatus(value: number): value is FaultStatus {
  return Object.hasOwn(FAULT_PROBLEMS, value);
}

/** The problem a `status` fault answers `target` with. */
export function faultProblem(status: FaultStatus, target: FaultTarget): AppError {
  return FAULT_PROBLEMS[status](target);
}
