import { isRecord } from './json-path.js';
import type { Observation } from './replay.js';

/** Headers that carry a path of the server's. */
const PATH_HEADERS = ['location', 'content-location'] as const;

/** The path of a base URL without a trailing `/`: `http://h/api/v1/` → `/api/v1`; `''` at the root. */
export function basePathOf(baseUrl: string): string {
  return URL.canParse(baseUrl) ? new URL(baseUrl).pathname.replace(/\/+$/, '') : '';
}

/** `text` relative to `basePath` when it is a path under it (`/api/v1/customers?x` → `/customers?x`), else as is. */
export function relativePath(text: string, basePath: string): string {
  if (basePath === '' || !text.startsWith(basePath)) return text;
  const rest = text.slice(basePath.length);
  if (rest === '') return '/';
  return /^[/?#]/.test(rest) ? (rest.startsWith('/') ? rest : `/${rest}`) : text;
}

function relativeDeep(value: unknown, basePath: string): unknown {
  if (typeof value === 'string') return relativePath(value, basePath);
  if (Array.isArray(value)) return value.map((item) => relativeDeep(item, basePath));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relativeDeep(v, basePath)]));
  return value;
}

/**
 * A server behind a prefix names its own paths with it (`instance`, `Location`, a request log's `url`), while
 * scenarios name them below the base URL, as they name the paths they request. This is the one place that reads
 * them so: every string of the JSON body and the Location headers that is a path under the base URL's path loses
 * that prefix. The text of the body stays as sent (reports show what the server said).
 */
export function relativeToBase(obs: Observation, basePath: string): Observation {
  if (basePath === '') return obs;
  const headers = { ...obs.headers };
  for (const name of PATH_HEADERS) {
    const value = headers[name];
    if (value !== undefined) headers[name] = relativePath(value, basePath);
  }
  return { ...obs, headers, body: relativeDeep(obs.body, basePath) };
}
