import { issue, type Issue } from '../errors/issue.js';

/** `POST /api/auth` body. */
export interface LoginRequest {
  userName: string;
  password: string;
  deviceName: string;
}

/** `POST /api/auth/refresh` body. */
export interface RefreshRequest {
  tokenId: string;
  refreshToken: string;
}

export const LOGIN_MEMBERS = ['userName', 'password', 'deviceName'] as const satisfies readonly (keyof LoginRequest)[];
export const REFRESH_MEMBERS = ['tokenId', 'refreshToken'] as const satisfies readonly (keyof RefreshRequest)[];

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/**
 * Reads string members whose names match case-insensitively (as ASP.NET binds them; a repeated member: the
 * last wins). Missing or null → `body.required` (documented name); not a string → `body.type`; blank →
 * `auth.empty_member` (both under the name as sent). With `strict`, unknown members are `body.unknown_member`.
 */
export function readStringMembers<M extends string>(
  body: Record<string, unknown>,
  members: readonly M[],
  strict: boolean,
): ParseResult<Record<M, string>> {
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
    if (entry === undefined || entry.value === null) issues.push(issue('body.required', entry?.sentAs ?? member, {}));
    else if (typeof entry.value !== 'string') issues.push(issue('body.type', entry.sentAs, { expected: 'string' }));
    else if (entry.value.trim() === '') issues.push(issue('auth.empty_member', entry.sentAs, {}));
    else values[member] = entry.value;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: values as Record<M, string> };
}

/** The login body as a `LoginRequest`, or every issue with it. */
export function parseLoginRequest(body: Record<string, unknown>, strict: boolean): ParseResult<LoginRequest> {
  return readStringMembers(body, LOGIN_MEMBERS, strict);
}

/** The refresh body as a `RefreshRequest`, or every issue with it. */
export function parseRefreshRequest(body: Record<string, unknown>, strict: boolean): ParseResult<RefreshRequest> {
  return readStringMembers(body, REFRESH_MEMBERS, strict);
}
