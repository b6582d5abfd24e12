import { childPath, isRecord, parsePath, valueAt } from './json-path.js';

/** Variables every step has, whatever it captured: see FORMAT.md "Interpolation". */
export const BUILTIN_VARS = ['run', 'uid', 'unum', 'lang', 'as', 'now', 'profile'] as const;

/** What `${...}` can see while a step runs. */
export interface Scope {
  /** run, uid, lang, as, the example row's members and everything captured so far. */
  vars: Readonly<Record<string, unknown>>;
  now(): Date;
  /** A profile's non-secret or secret field, e.g. (`manager`, `password`); undefined when there is none. */
  profile(name: string, field: string): string | undefined;
}

export type Interpolated = { ok: true; value: unknown } | { ok: false; error: string };

const PLACEHOLDER = /\$\$\{|\$\{([^}]*)\}/g;
const EXPRESSION =
  /^\s*([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_$][A-Za-z0-9_$-]*|\[\d+\])*)\s*(?:([+-])\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|y)?)?\s*$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1e3, m: 60e3, h: 3600e3, d: 86400e3, y: 365 * 86400e3 };

/** The root names a text refers to (`${id}` → `id`, `${profile.x.y}` → `profile`), for the loader's checks. */
export function references(text: string): { root: string; expression: string; valid: boolean }[] {
  const found: { root: string; expression: string; valid: boolean }[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m[1] === undefined) continue;
    const parsed = EXPRESSION.exec(m[1]);
    found.push({ root: parsed?.[1] ?? '', expression: m[1], valid: parsed !== null });
  }
  return found;
}

function evaluate(expression: string, scope: Scope): Interpolated {
  const m = EXPRESSION.exec(expression);
  if (m === null) return { ok: false, error: `\${${expression}} is not a valid expression` };
  const [, root = '', rest = '', sign, amount, unit] = m;
  const path = rest === '' ? [] : (parsePath(rest.replace(/^\./, '')) ?? []);
  let value: unknown;
  if (root === 'now') {
    value = scope.now().getTime();
  } else if (root === 'profile') {
    const [name, field] = path;
    value = typeof name === 'string' && typeof field === 'string' ? scope.profile(name, field) : undefined;
    if (value === undefined) return { ok: false, error: `\${${expression}}: no such profile field` };
  } else {
    if (!Object.hasOwn(scope.vars, root))
      return { ok: false, error: `\${${root}} is not set (nothing captured it yet)` };
    value = valueAt(scope.vars[root], path);
    if (value === undefined) return { ok: false, error: `\${${expression}}: no value at that path` };
  }
  if (sign !== undefined && amount !== undefined) {
    if (typeof value !== 'number') return { ok: false, error: `\${${expression}}: arithmetic needs a number` };
    const delta = Number(amount) * (root === 'now' ? (UNIT_MS[unit ?? 's'] ?? 1000) : 1);
    value = sign === '+' ? value + delta : value - delta;
  }
  return { ok: true, value: root === 'now' ? new Date(value as number).toISOString() : value };
}

/**
 * Replaces every `${expression}` in `text` (`$${` stays a literal `${`). When the whole text is one placeholder,
 * the value keeps its JSON type (`_v: ${v}` sends a number); otherwise values are joined as text.
 */
export function interpolateString(text: string, scope: Scope): Interpolated {
  const whole = /^\$\{([^}]*)\}$/.exec(text);
  if (whole !== null) return evaluate(whole[1] ?? '', scope);
  let error: string | undefined;
  const value = text.replace(PLACEHOLDER, (match, expression: string | undefined) => {
    if (expression === undefined) return '${';
    const result = evaluate(expression, scope);
    if (!result.ok) {
      error ??= result.error;
      return match;
    }
    return typeof result.value === 'string' ? result.value : JSON.stringify(result.value);
  });
  return error === undefined ? { ok: true, value } : { ok: false, error };
}

/** Interpolates every string inside a JSON value (member names stay as written); collects every error. */
export function interpolateDeep(
  value: unknown,
  scope: Scope,
  path = '',
): { value: unknown; errors: { path: string; error: string }[] } {
  const errors: { path: string; error: string }[] = [];
  const walk = (v: unknown, at: string): unknown => {
    if (typeof v === 'string') {
      const result = interpolateString(v, scope);
      if (result.ok) return result.value;
      errors.push({ path: at, error: result.error });
      return v;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, childPath(at, i)));
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, childPath(at, k))]));
    return v;
  };
  return { value: walk(value, path), errors };
}
