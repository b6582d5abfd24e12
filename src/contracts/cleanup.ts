import { KEY_MEMBERS } from '../resources/names.js';
import type { Observation } from './replay.js';

/** A resource a run created on the server, to delete at the end. */
export interface Created {
  /** Path below the base URL that deletes it. */
  path: string;
  /** The identity that created it (used when the profiles name no cleanup identity). */
  as: string;
  scenario: string;
}

/** A route that creates an item, and where the item it created is deleted. */
export interface CreatingRoute {
  method: 'POST' | 'PUT';
  path: RegExp;
  status: number;
  /** The collection path (`/stocks`); the item is at `{resource}/{key}`. */
  resource: string;
  /** The member of the answer's body that holds the created item's key (`id`, `name`, `category`…). */
  key: string;
}

/**
 * Routes that create a resource, and how to delete what they created: a table, one `POST /{segment}` and one
 * `PUT /{segment}/{key}` row per resource of the server's plain table of segments and key members.
 */
export const CREATING_ROUTES: readonly CreatingRoute[] = (
  Object.entries(KEY_MEMBERS) as [keyof typeof KEY_MEMBERS, string][]
).flatMap(([segment, key]) => [
  { method: 'POST', path: new RegExp(`^/${segment}/?$`, 'i'), status: 201, resource: `/${segment}`, key },
  { method: 'PUT', path: new RegExp(`^/${segment}/[^/]+/?$`, 'i'), status: 201, resource: `/${segment}`, key },
]);

/** The key of what a response created: its body's key member (text or a number), else the `Location` header's last segment. */
function createdKey(route: CreatingRoute, obs: Observation): string | undefined {
  const body = obs.body;
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[route.key] : undefined;
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
  const location = obs.headers['location'];
  const last = location?.split('?')[0]?.split('/').pop();
  if (last === undefined || last === '') return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return undefined;
  }
}

/** The resource a response created, if the route creates one and the body (or `Location`) names its key. */
export function createdBy(method: string, path: string, obs: Observation): string | undefined {
  const route = CREATING_ROUTES.find((r) => r.method === method && r.path.test(path) && r.status === obs.status);
  const key = route === undefined ? undefined : createdKey(route, obs);
  return route === undefined || key === undefined ? undefined : `${route.resource}/${encodeURIComponent(key)}`;
}

/**
 * The item a successful `DELETE /{segment}/{key}` removed, named like `createdBy` names what it creates: an item
 * the run deleted and then created again was there before the run, so the cleanup leaves it (it restores a seed).
 */
export function deletedBy(method: string, path: string, obs: Observation): string | undefined {
  if (method !== 'DELETE' || (obs.status !== 200 && obs.status !== 204)) return undefined;
  const route = CREATING_ROUTES.find((r) => r.method === 'PUT' && r.path.test(path));
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  try {
    return route === undefined ? undefined : `${route.resource}/${encodeURIComponent(decodeURIComponent(last))}`;
  } catch {
    return undefined;
  }
}

/** What the end-of-run cleanup did: deletions, already gone (a scenario deleted it), and failures. */
export interface CleanupResult {
  attempted: number;
  deleted: number;
  alreadyGone: number;
  failed: { path: string; as: string; reason: string }[];
}

export const NO_CLEANUP: CleanupResult = { attempted: 0, deleted: 0, alreadyGone: 0, failed: [] };
