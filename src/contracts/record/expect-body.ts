import { childPath, isRecord } from '../json-path.js';
import type { KnownValues } from './values.js';

/** Members whose value differs on every response: only their type is kept. */
export const VOLATILE_MEMBERS = ['traceId', 'totalDuration', 'duration'] as const;
/** Members the server generates and later requests may need: captured under this name. */
export const CAPTURED_MEMBERS: Readonly<Record<string, string>> = {
  id: 'id',
  tokenId: 'token',
  refreshToken: 'refresh',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** What generalizing one response body needs and produces. */
export interface BodyContext {
  known: KnownValues;
  /** Strings the request of this step sent (dates among them stay literal). */
  sent: ReadonlySet<string>;
  /** Lists may hold data of other runs unless the query names a per-run value. */
  stableLists: boolean;
  /** Captures found: name → path. */
  captures: Record<string, string>;
  /** Latest `_v` capture per customer id (original value). */
  versions: Map<string, { name: string; value: number }>;
}

/** `${v}`, `${v+1}`... for a version number of a customer whose `_v` was captured; undefined otherwise. */
export function versionExpression(
  versions: ReadonlyMap<string, { name: string; value: number }>,
  id: unknown,
  value: number,
): string | undefined {
  const latest = typeof id === 'string' ? versions.get(id) : undefined;
  if (latest === undefined) return undefined;
  const d = value - latest.value;
  return d === 0 ? `\${${latest.name}}` : `\${${latest.name}${d > 0 ? '+' : '-'}${Math.abs(d)}}`;
}

function generalizeString(
  value: string,
  key: string | number,
  path: string,
  ctx: BodyContext,
  capturable: boolean,
): unknown {
  const known = ctx.known.template(value);
  if (known !== undefined) return known;
  if ((VOLATILE_MEMBERS as readonly string[]).includes(String(key))) return { $type: 'string' };
  const base = typeof key === 'string' ? CAPTURED_MEMBERS[key] : undefined;
  if (base !== undefined && capturable) {
    const name = ctx.known.newName(base);
    ctx.captures[name] = path;
    ctx.known.capture(value, name);
    return key === 'id' ? { $id: true } : { $type: 'string', $nonEmpty: true };
  }
  if (base !== undefined) return key === 'id' ? { $id: true } : { $type: 'string' };
  if (ISO_DATE.test(value) && !ctx.sent.has(value)) return { $date: true };
  return ctx.known.substitute(value);
}

/**
 * A recorded response body → an expectation a replay against the same server meets: generated ids and tokens
 * become matchers plus captures, per-run values their templates, dates `$date`, volatile members their type, and
 * lists that may hold other runs' data only their shape.
 */
export function generalizeBody(body: unknown, ctx: BodyContext): unknown {
  const walk = (
    value: unknown,
    key: string | number,
    path: string,
    parent: Record<string, unknown> | undefined,
  ): unknown => {
    const capturable = !path.includes('[');
    if (typeof value === 'string') return generalizeString(value, key, path, ctx, capturable);
    if (typeof value === 'number' && key === '_v') {
      const id = parent?.['id'];
      if (capturable && typeof id === 'string') {
        const name = ctx.known.newName('v');
        ctx.captures[name] = path;
        ctx.versions.set(id, { name, value });
      }
      return { $type: 'integer', $min: 1 };
    }
    if (typeof value === 'number' && key === 'version' && parent !== undefined) {
      return versionExpression(ctx.versions, parent['id'], value) ?? { $type: 'integer' };
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, i, childPath(path, i), undefined));
    if (isRecord(value)) {
      const isList = path === 'body' && 'totalCount' in value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const name = k.startsWith('$') ? `$${k}` : k;
        if (isList && !ctx.stableLists && (k === 'items' || k === 'count' || k === 'totalCount')) {
          out[name] = k === 'items' ? { $type: 'array' } : { $type: 'integer', $min: 0 };
        } else {
          out[name] = walk(v, k, childPath(path, k), value);
        }
      }
      return out;
    }
    return value;
  };
  return walk(body, '', 'body', undefined);
}
