import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Microsoft's browser bundle of the official SignalR client, as a page would load it from a CDN. */
export const SIGNALR_BUNDLE = 'node_modules/@microsoft/signalr/dist/browser/signalr.min.js';

/** A tiny static web server: a page on an origin of its own (another port is another origin). */
export interface StaticOrigin {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `files` (path → [content type, body]) and answers 404 for anything else. No CORS headers: the page's
 * own files are same-origin for it.
 */
export async function startStaticOrigin(files: Record<string, [type: string, body: string]>): Promise<StaticOrigin> {
  const server: Server = createServer((req, res) => {
    const file = files[(req.url ?? '/').split('?')[0] ?? '/'];
    if (file === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': file[0], 'Cache-Control': 'no-store' }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

/** The bundle's text, for serving. */
export function signalrBundle(): string {
  return readFileSync(SIGNALR_BUNDLE, 'utf8');
}
