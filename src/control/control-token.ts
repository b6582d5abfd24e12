import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthFailure } from '../errors/auth-failures.js';

/** The header that carries the control token (src/control/CONTROL-API.md#the-control-token). */
export const CONTROL_TOKEN_HEADER = 'X-Mock-Control-Token';

/** The `WWW-Authenticate` of a 401 for want of the control token (the header's name is the scheme). */
export const CONTROL_TOKEN_CHALLENGE = `${CONTROL_TOKEN_HEADER} realm="portos-mock control"`;

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Checks a request's control token against `expected` ('' = no token needed): `null` when it may pass, else why
 * not. The comparison takes the same time whatever the sent value (both sides hashed, then compared in constant
 * time), so the token cannot be guessed byte by byte.
 */
export function controlTokenCheck(expected: string): (sent: string | undefined) => AuthFailure | null {
  if (expected === '') return () => null;
  const wanted = digest(expected);
  return (sent) => {
    if (sent === undefined || sent === '') return 'control-token-missing';
    return timingSafeEqual(digest(sent), wanted) ? null : 'control-token-wrong';
  };
}
