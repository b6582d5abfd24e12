/** The hub's two paths, lower case: requests match them case-insensitively. */
export interface HubPaths {
  hub: string;
  negotiate: string;
}

/** The hub's paths under the base path (`signalr.path`, default `/signalr/v1/mainHub`). */
export function hubPaths(basePath: string, path: string): HubPaths {
  const hub = `${basePath}${path}`.toLowerCase();
  return { hub, negotiate: `${hub}/negotiate` };
}

/** Which hub path `url` (path and query) is, if any. */
export function hubRouteOf(url: string, paths: HubPaths): 'hub' | 'negotiate' | null {
  const path = (url.split('?')[0] ?? '').toLowerCase();
  return path === paths.hub ? 'hub' : path === paths.negotiate ? 'negotiate' : null;
}
