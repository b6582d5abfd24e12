import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

// A throwaway SignalR hub at /signalr/v1/mainHub (negotiate v1, WebSockets, JSON protocol) plus plain HTTP routes:
// enough of the protocol for the official client, so the kit's notification steps can be tested without the mock.

const RS = '\u001e';
const HUB = '/signalr/v1/mainHub';

export interface FakeHub {
  url: string;
  /** `Subscribe`/`Unsubscribe` calls as `method event` (arguments as JSON after it). */
  calls: string[];
  /** Sends a Notification to every connection subscribed to its event. */
  push(notification: { e: string } & Record<string, unknown>): void;
  /** Closes every hub connection from the server side (Close message, then close 1000). */
  drop(): void;
  close(): Promise<void>;
}

/**
 * `handle` answers every HTTP request outside the hub; it gets `push` to emit notifications before it answers.
 * A hub method `Subscribe` with an event other than `portos.resources.changed` fails like ASP.NET's HubException.
 */
export async function fakeHub(
  handle: (req: IncomingMessage, res: ServerResponse, hub: Pick<FakeHub, 'push' | 'drop'>) => void,
): Promise<FakeHub> {
  const sockets = new Map<WebSocket, Set<string>>();
  const calls: string[] = [];
  const push: FakeHub['push'] = (notification) => {
    for (const [socket, events] of sockets) {
      if (events.has(notification.e))
        socket.send(JSON.stringify({ type: 1, target: 'OnEvent', arguments: [notification] }) + RS);
    }
  };
  const drop = () => {
    for (const socket of sockets.keys()) {
      socket.send(`{"type":7,"error":"dropped"}${RS}`);
      socket.close(1000);
    }
  };
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith(`${HUB}/negotiate`)) {
      if (req.headers.authorization !== 'Bearer hub-token') return void res.writeHead(401).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(
        JSON.stringify({
          negotiateVersion: 1,
          connectionId: 'c1',
          connectionToken: `t${sockets.size}`,
          availableTransports: [{ transport: 'WebSockets', transferFormats: ['Text'] }],
        }),
      );
    }
    handle(req, res, { push, drop });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith(HUB)) return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      const events = new Set<string>();
      let handshaken = false;
      ws.on('message', (data) => {
        for (const text of data
          .toString()
          .split(RS)
          .filter((t) => t !== '')) {
          if (!handshaken) {
            handshaken = true;
            sockets.set(ws, events);
            ws.send(`{}${RS}`);
            continue;
          }
          const message = JSON.parse(text) as {
            type: number;
            invocationId?: string;
            target?: string;
            arguments?: unknown[];
          };
          if (message.type !== 1) continue;
          const [event] = (message.arguments ?? []) as string[];
          calls.push(`${message.target} ${JSON.stringify(message.arguments)}`);
          let error: string | undefined;
          if (message.target === 'Subscribe') {
            if (event === 'portos.resources.changed') events.add(event);
            else
              error = `An unexpected error occurred invoking 'Subscribe' on the server. HubException: unknown event '${event}'`;
          } else if (message.target === 'Unsubscribe') events.delete(event ?? '');
          if (message.invocationId !== undefined)
            ws.send(
              JSON.stringify({
                type: 3,
                invocationId: message.invocationId,
                ...(error === undefined ? {} : { error }),
              }) + RS,
            );
        }
      });
      ws.on('close', () => sockets.delete(ws));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    push,
    drop,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
