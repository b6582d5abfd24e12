/**
 * Why a request is not authenticated (each answers 401, errorCode 1, with its own localized detail); the last two
 * are the control API's token (src/control/CONTROL-API.md#the-control-token).
 */
export const AUTH_FAILURES = [
  'missing',
  'unsupported-scheme',
  'malformed-token',
  'expired-token',
  'not-yet-valid-token',
  'revoked-token',
  'bad-token-signature',
  'bad-credentials',
  'bad-refresh-token',
  'nws4-malformed',
  'nws4-unknown-client',
  'nws4-missing-signed-header',
  'nws4-date-mismatch',
  'nws4-outside-window',
  'nws4-content-hash-mismatch',
  'nws4-bad-signature',
  'nws4-inactive-device',
  'control-token-missing',
  'control-token-wrong',
] as const;

export type AuthFailure = (typeof AUTH_FAILURES)[number];
