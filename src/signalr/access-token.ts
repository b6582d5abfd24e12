/** The query parameter browsers carry their token in on the hub paths (docs/portos/signalr.md#browser-traps). */
const ACCESS_TOKEN = /([?&]access_token=)[^&#]*/gi;

/** `url` with every `access_token` value replaced by `***`, for logs. */
export function maskAccessToken(url: string): string {
  return url.replace(ACCESS_TOKEN, '$1***');
}

/** The `access_token` query parameter of `url` (decoded), or undefined. */
export function queryAccessToken(url: string): string | undefined {
  const at = url.indexOf('?');
  if (at < 0) return undefined;
  for (const [name, value] of new URLSearchParams(url.slice(at + 1))) {
    if (name.toLowerCase() === 'access_token' && value !== '') return value;
  }
  return undefined;
}

/**
 * The request's headers for authentication on a hub path: as sent, or, without an `Authorization` header, with
 * the query's `access_token` as a Bearer token.
 */
export function hubCredentialHeaders(
  url: string,
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | string[] | undefined> {
  if (headers['authorization'] !== undefined) return headers;
  const token = queryAccessToken(url);
  return token === undefined ? headers : { ...headers, authorization: `Bearer ${token}` };
}
