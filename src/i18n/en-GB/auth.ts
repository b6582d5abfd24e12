import type { AuthFailure } from '../../errors/auth-failures.js';
import type { AuthIssueParams } from '../../auth/auth-issues.js';
import type { IssueMessages } from '../locale-texts.js';

export const auth: IssueMessages<keyof AuthIssueParams> = {
  'auth.empty_member': () => 'Login needs a non-empty value.',
};

export const authFailures: Record<AuthFailure, string> = {
  missing: 'The request carries no credentials (Authorization header).',
  'unsupported-scheme': 'The Authorization scheme is not supported; use Bearer or NWS4-HMAC-SHA256.',
  'malformed-token': 'The access token is malformed.',
  'not-yet-valid-token': 'The access token is not valid yet: its nbf lies after the current time.',
  'expired-token': 'The access token has expired; renew it with /api/auth/refresh.',
  'revoked-token': 'The access token has been revoked (logout, refresh or a deleted session).',
  'bad-token-signature': 'The access token signature is invalid.',
  'bad-credentials': 'Login failed: wrong user name, password or device.',
  'bad-refresh-token': 'The refresh token is invalid or has already been used.',
  'nws4-malformed': 'The NWS4-HMAC-SHA256 header is malformed.',
  'nws4-unknown-client': 'Unknown API key (Credential).',
  'nws4-missing-signed-header':
    'The signed headers must include host, x-nd-date and x-nd-content-sha256, all present on the request.',
  'nws4-date-mismatch': 'The signature Timestamp does not match the x-nd-date header.',
  'nws4-outside-window': 'x-nd-date is outside the allowed time window around the server time (±150 s by default).',
  'nws4-content-hash-mismatch': 'x-nd-content-sha256 does not match the request body.',
  'nws4-bad-signature': 'The NWS4 request signature is invalid.',
  'nws4-inactive-device': 'The device of this API key is inactive.',
  'control-token-missing': 'The mock control API needs its control token in the X-Mock-Control-Token header.',
  'control-token-wrong': 'The X-Mock-Control-Token header does not carry the control token of this mock.',
};
