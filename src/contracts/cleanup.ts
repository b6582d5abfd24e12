import type { Observation } from './replay.js';

/** A resource a run created on the server, to delete at the end. */
export interface Created {
  /** Path below the base URL that deletes it. */
  path: string;
  /** The identity that created it (used when the profiles name no cleanup identity). */
  as: string;
  scenario: string;
}

/** Routes that create a resource, and how to delete what they created: a table, one row per route. */
export const CREATING_ROUTES = [
  { method: 'POST', path: /^\/customers\/?$/i, status: 201, resource: '/customers' },
  { method: 'PUT', path: /^\/customers\/[^/]+\/?$/i, status: 201, resource: '/customers' },
] as const;

/** The resource a response created, if the route creates one and the body names its id. */
export function createdBy(method: string, path: string, obs: Observation): string | undefined {
  const route = CREATING_ROUTES.find((r) => r.method === method && r.path.test(path) && r.status === obs.status);
  const id = (obs.body as { id?: unknown } | undefined)?.id;
  return route === undefined || typeof id !== 'string' ? undefined : `${route.resource}/${encodeURIComponent(id)}`;
}

/** What the end-of-run cleanup did: deletions, already gone (a scenario deleted it), and failures. */
export interface CleanupResult {
  attempted: number;
  deleted: number;
  alreadyGone: number;
  failed: { path: string; as: string; reason: string }[];
}

export const NO_CLEANUP: CleanupResult = { attempted: 0, deleted: 0, alreadyGone: 0, failed: [] };
