import { RESOURCE_NAMES, SEGMENTS, type ResourceName, type Segment } from '../resources/names.js';

/** The named routes besides the resources': auth, health and the spec. */
const OTHER_ROUTES = {
  auth: /^\/api\/auth(?:\/.*)?$/i,
  health: /^\/api\/v2\/health\/?$/i,
  openapi: /^\/openapi\.json$/i,
} as const satisfies Record<string, RegExp>;

/**
 * A named PORTOS route, for fault scopes (`scope.route: "stock"`) and the request log: every resource's list by
 * its route segment (`customers`, `stocks`, `plus`) and one item by its resource name (`customer`, `stock`,
 * `plu`), then `auth`, `health` and `openapi` (src/control/CONTROL-API.md#rules-post-_mockfaults).
 */
export type RouteName = Segment | ResourceName | keyof typeof OTHER_ROUTES;

interface NamedRoute {
  name: RouteName;
  pattern: RegExp;
  /** The resource the route serves, if any. */
  segment: Segment | null;
}

/** Every named route, the resources' first in table order (a list before its items). Paths are relative to the base path. */
const ROUTES: readonly NamedRoute[] = [
  ...SEGMENTS.flatMap((segment): NamedRoute[] => [
    { name: segment, pattern: new RegExp(`^/${segment}/?$`, 'i'), segment },
    { name: RESOURCE_NAMES[segment], pattern: new RegExp(`^/${segment}/([^/]+)/?$`, 'i'), segment },
  ]),
  ...Object.entries(OTHER_ROUTES).map(([name, pattern]) => ({ name: name as RouteName, pattern, segment: null })),
];

export const ROUTE_NAME_LIST: readonly RouteName[] = ROUTES.map((route) => route.name);

export function isRouteName(value: string): value is RouteName {
  return (ROUTE_NAME_LIST as readonly string[]).includes(value);
}

/** Which named route `path` (relative to the base path, no query) is, its resource, and the key text it names. */
export function routeOf(path: string): { route: RouteName | null; id: string | null; segment: Segment | null } {
  for (const { name, pattern, segment } of ROUTES) {
    const match = pattern.exec(path);
    if (match !== null) return { route: name, id: match[1] === undefined ? null : safeDecode(match[1]), segment };
  }
  return { route: null, id: null, segment: null };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
