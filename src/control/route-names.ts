/**
 * The PORTOS routes by name, for fault scopes (`scope.route: "customer"`) and the request log. Paths are relative
 * to the base path; `customer` captures the id.
 */
export const ROUTE_NAMES = {
  customers: /^\/customers\/?$/i,
  customer: /^\/customers\/([^/]+)\/?$/i,
  auth: /^\/api\/auth(?:\/.*)?$/i,
  health: /^\/api\/v2\/health\/?$/i,
  openapi: /^\/openapi\.json$/i,
} as const satisfies Record<string, RegExp>;

export type RouteName = keyof typeof ROUTE_NAMES;

export const ROUTE_NAME_LIST = Object.keys(ROUTE_NAMES) as RouteName[];

export function isRouteName(value: string): value is RouteName {
  return Object.hasOwn(ROUTE_NAMES, value);
}

/** Which named route `path` (relative to the base path, no query) is, and the customer id it names. */
export function routeOf(path: string): { route: RouteName | null; id: string | null } {
  for (const name of ROUTE_NAME_LIST) {
    const match = ROUTE_NAMES[name].exec(path);
    if (match !== null) return { route: name, id: match[1] === undefined ? null : safeDecode(match[1]) };
  }
  return { route: null, id: null };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
