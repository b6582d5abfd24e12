/**
 * The error catalogue: every problem the mock can answer with, its HTTP status and PORTOS `errorCode`.
 * Titles and details live in the locale tables (`src/i18n/`); the problem writer joins the two.
 */
export const PROBLEMS = {
  validation_failed: { status: 400, errorCode: 3 },
  version_mismatch: { status: 400, errorCode: 6 },
  malformed_request: { status: 400 },
  unauthenticated: { status: 401, errorCode: 1 },
  forbidden: { status: 403, errorCode: 2 },
  license_expired: { status: 403, errorCode: 4 },
  not_found: { status: 404 },
  route_not_found: { status: 404 },
  method_not_allowed: { status: 405 },
  hub_connection_unknown: { status: 404 },
  hub_connection_in_use: { status: 409 },
  payload_too_large: { status: 413 },
  unsupported_media_type: { status: 415 },
  unsupported_encoding: { status: 415 },
  unsupported_charset: { status: 415 },
  headers_too_large: { status: 431 },
  locked: { status: 423, errorCode: 5 },
  lease_busy: { status: 423 },
  internal: { status: 500 },
  state_not_saved: { status: 500 },
} as const satisfies Record<string, { status: number; errorCode?: number }>;

export type ProblemCode = keyof typeof PROBLEMS;

/**
 * The most entries a problem's `errors` list holds (ASP.NET's MaxModelValidationErrors); when more were found the
 * detail says how many were left out.
 */
export const MAX_LISTED_ERRORS = 200;

/** How many of `count` issues a problem body leaves out of `errors`. */
export function unlistedErrors(count: number): number {
  return Math.max(0, count - MAX_LISTED_ERRORS);
}

/** RFC section URIs as ASP.NET writes them in `type`, per status. */
export const STATUS_TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
  401: 'https://tools.ietf.org/html/rfc7235#section-3.1',
  403: 'https://tools.ietf.org/html/rfc7231#section-6.5.3',
  404: 'https://tools.ietf.org/html/rfc7231#section-6.5.4',
  405: 'https://tools.ietf.org/html/rfc7231#section-6.5.5',
  409: 'https://tools.ietf.org/html/rfc7231#section-6.5.8',
  413: 'https://tools.ietf.org/html/rfc7231#section-6.5.11',
  415: 'https://tools.ietf.org/html/rfc7231#section-6.5.13',
  423: 'https://tools.ietf.org/html/rfc4918#section-11.3',
  431: 'https://tools.ietf.org/html/rfc6585#section-5',
  500: 'https://tools.ietf.org/html/rfc7231#section-6.6.1',
};

export function isProblemCode(value: string): value is ProblemCode {
  return Object.hasOwn(PROBLEMS, value);
}
