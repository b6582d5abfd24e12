import { issue, type Issue } from '../errors/issue.js';

/** `POST /api/auth` body. */
export interface LoginRequest {
  userName: string;
  /** Absent when none was given (absent, null or ''): the docs mark `Password` optional. */
  password?: string;
  deviceName: string;
}

/** `POST /api/auth/refresh` body. */
export interface RefreshRequest {
  tokenId: string;
  refreshToken: string;
}

export const LOGIN_MEMBERS = ['userName', 'password', 'deviceName'] as const satisfies readonly (keyof LoginRequest)[];
export const LOGIN_OPTIONAL_MEMBERS = ['password'] as const satisfies readonly (keyof LoginRequest)[];
export const REFRESH_MEMBERS = ['tokenId', 'refreshToken'] as const satisfies readonly (keyof RefreshRequest)[];

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/**
 * Reads string members whose names match case-insensitively (as ASP.NET binds them; a repeated member: the
 * last wins). A required member missing or null → `body.required` (documented name); blank →
 * `auth.empty_member` (under the name as sent). An optional member missing, null or '' is left out. Not a
 * string → `body.type`. With `strict`, unknown members are `body.unknown_member`.
 */
export function readStringMembers<M extends string, O extends M = never>(
  body: Record<string, unknown>,
  members: readonly M[],
  strict: boolean,
  optionalMembers: readonly O[] = [],
): ParseResult<Record<Exclude<M, O>, string> & Partial<Record<O, string>>> {
  const found = new Map<M, { sentAs: string; value: unknown }>();
  const issues: Issue[] = [];
  for (const [sentAs, value] of Object.entries(body)) {
    const member = members.find((m) => m.toLowerCase() === sentAs.toLowerCase());
    if (member !== undefined) found.set(member, { sentAs, value });
    else if (strict) issues.push(issue('body.unknown_member', sentAs, {}));
  }
  const values: Partial<Record<M, string>> = {};
  for (const member of members) {
    const entry = found.get(member);
    const optional = (optionalMembers as readonly string[]).includes(member);
    if (entry === undefined || entry.value === null || (optional && entry.value === '')) {
      if (!optional) issues.push(issue('body.required', entry?.sentAs ?? member, {}));
    } else if (typeof entry.value !== 'string') issues.push(issue('body.type', entry.sentAs, { expected: 'string' }));
    else if (!optional && entry.value.trim() === '') issues.push(issue('auth.empty_member', entry.sentAs, {}));
    else values[member] = entry.value;
  }
  return issues.length > 0
    ? { ok: false, issues }
    : { ok: true, value: values as Record<Exclude<M, O>, string> & Partial<Record<O, string>> };
}

/** The login body as a `LoginRequest`, or every issue with it. */
export function parseLoginRequest(body: Record<string, unknown>, strict: boolean): ParseResult<LoginRequest> {
  return readStringMembers(body, LOGIN_MEMBERS, strict, LOGIN_OPTIONAL_MEMBERS);
}

/** The refresh body as a `RefreshRequest`, or every issue with it. */
export function parseRefreshRequest(body: Record<string, unknown>, strict: boolean): ParseResult<RefreshRequest> {
  return readStringMembers<(typeof REFRESH_MEMBERS)[number], never>(body, REFRESH_MEMBERS, strict);
}
