import { isRecord } from '../json-path.js';
import { versionExpression } from './expect-body.js';
import type { Exchange } from './proxy.js';
import type { KnownValues } from './values.js';

const CUSTOMER = /^\/customers(?:\/([^/]+))?\/?$/i;
const LOGIN = /^\/api\/auth\/?$/i;
const keyOf = (object: Record<string, unknown>, name: string) =>
  Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());

function substituteDeep(value: unknown, known: KnownValues): unknown {
  if (typeof value === 'string') return known.substitute(value);
  if (Array.isArray(value)) return value.map((v) => substituteDeep(v, known));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteDeep(v, known)]));
  return value;
}

/** What rewriting a request body needs from the recording so far. */
export interface RequestContext {
  known: KnownValues;
  versions: ReadonlyMap<string, { name: string; value: number }>;
  /** The profile a user name logs in as. */
  profileOf(userName: string): string;
}

/** A recorded request body, rewritten: credentials out, per-run values in, `_v` from captures. */
export function requestBody(e: Exchange, path: string, body: unknown, ctx: RequestContext): unknown {
  if (!isRecord(body)) return substituteDeep(body, ctx.known);
  const out: Record<string, unknown> = { ...body };
  if (e.method === 'POST' && LOGIN.test(path)) {
    const user = keyOf(out, 'userName');
    const userName = user === undefined ? undefined : out[user];
    if (e.status === 200 && typeof userName === 'string') {
      const profile = ctx.profileOf(userName);
      for (const field of ['userName', 'password', 'deviceName']) {
        const key = keyOf(out, field);
        if (key !== undefined) out[key] = `\${profile.${profile}.${field}}`;
      }
      return out;
    }
    const password = keyOf(out, 'password');
    if (password !== undefined) out[password] = 'not-the-password';
    return out;
  }
  const customer = CUSTOMER.exec(path);
  const substituted = Object.fromEntries(
    Object.entries(out).map(([k, value]) => [
      k,
      /password|secret/i.test(k) && typeof value === 'string' ? 'removed' : substituteDeep(value, ctx.known),
    ]),
  );
  if (customer === null || (e.method !== 'POST' && e.method !== 'PUT')) return substituted;
  // Members a replay would clash on get per-run values (from the original text, not the substituted one).
  const id = keyOf(out, 'id');
  if (e.method === 'POST' && id !== undefined && typeof out[id] === 'string')
    substituted[id] = ctx.known.perRun(out[id] as string);
  const externalId = keyOf(out, 'externalId');
  if (externalId !== undefined && typeof out[externalId] === 'string')
    substituted[externalId] = ctx.known.perRun(out[externalId] as string);
  const cards = keyOf(out, 'cards');
  if (cards !== undefined && Array.isArray(out[cards])) {
    substituted[cards] = (out[cards] as unknown[]).map((card, i) => {
      const serial = isRecord(card) ? keyOf(card, 'serialNumber') : undefined;
      const done = (substituted[cards] as unknown[])[i];
      return isRecord(card) && isRecord(done) && serial !== undefined && typeof card[serial] === 'string'
        ? { ...done, [serial]: ctx.known.perRun(card[serial] as string) }
        : done;
    });
  }
  const v = keyOf(out, '_v');
  const expression =
    v !== undefined && typeof out[v] === 'number'
      ? versionExpression(ctx.versions, customer[1], out[v] as number)
      : undefined;
  if (v !== undefined && expression !== undefined) substituted[v] = expression;
  return substituted;
}
