import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { AuthService } from '../auth/auth-service.js';
import type { Config } from '../config/config.js';
import { isResourceChange, type ChangeFeed } from '../control/change-feed.js';
import { AppError } from '../errors/app-error.js';
import { negotiateLocale } from '../i18n/negotiate.js';
import { hubCredentialHeaders } from './access-token.js';
import { SlicedFlusher, type FlushScheduler } from './flush-scheduler.js';
import { SharedFrames } from './shared-frames.js';
import { HubConnection, onEventRecord, type NotificationResource } from './hub-connection.js';
import { HUB_TEXTS } from './hub-texts.js';
import { hubPaths, hubRouteOf, type HubPaths } from './hub-paths.js';
import { REAL_TIMERS, type HubTimers } from './hub-timers.js';
import { toNotification, type Notification } from './notification.js';
import { refuseUpgrade } from './refuse-upgrade.js';

export interface SignalRHubOptions {
  config: Config;
  auth: AuthService;
  feed: ChangeFeed;
  /** Trace ids of the problem bodies of refused upgrades. */
  traceId: () => string;
  /** Keep-alive and timeout timers (default: real time). */
  timers?: HubTimers;
  /** When the connections' queued records go out (default: a `SlicedFlusher`). */
  flusher?: FlushScheduler;
  /** Connection ids and tokens; URL-safe (default: 16 random bytes, base64url). */
  newId?: () => string;
  /** Where unexpected errors are reported. */
  onError?: (error: unknown) => void;
}

/** The answer to `POST {hub}/negotiate?negotiateVersion=1` (docs/portos/signalr.md#negotiate). */
export interface NegotiateAnswer {
  negotiateVersion: 1;
  connectionId: string;
  connectionToken: string;
  availableTransports: { transport: 'WebSockets'; transferFormats: ['Text', 'Binary'] }[];
}

/** A negotiated connection: its public id, and its socket's connection once the WebSocket is open. */
interface Slot {
  connectionId: string;
  connection: HubConnection | null;
  /** Forgets a slot whose WebSocket never came. */
  expiry: { cancel(): void } | null;
}

const NO_BODY = new Uint8Array(0);
const randomId = (): string => randomBytes(16).toString('base64url');

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/**
 * The SignalR hub PORTOS pushes notifications through (docs/decisions.md#real-time-notifications): negotiate,
 * WebSocket upgrades on the HTTP server, the connections, and every customer change from the feed pushed to the
 * subscribed ones before the write's answer goes out.
 */
export class SignalRHub {
  readonly paths: HubPaths;
  readonly #options: SignalRHubOptions;
  readonly #timers: HubTimers;
  readonly #flusher: FlushScheduler;
  readonly #frames = new SharedFrames();
  readonly #newId: () => string;
  readonly #server: WebSocketServer;
  /** By connection token. */
  readonly #slots = new Map<string, Slot>();
  readonly #connections = new Set<HubConnection>();
  readonly #sockets = new Set<WebSocket>();
  readonly #unsubscribe: () => void;
  #closed = false;

  constructor(options: SignalRHubOptions) {
    const { config } = options;
    this.#options = options;
    this.#timers = options.timers ?? REAL_TIMERS;
    this.#flusher = options.flusher ?? new SlicedFlusher({ onError: (error) => options.onError?.(error) });
    this.#newId = options.newId ?? randomId;
    this.paths = hubPaths(config.basePath, config.signalr.path);
    // Messages over the limit get the protocol's Close (not ws's 1009), so frames may be larger than one message.
    const maxPayload = Math.max(4 * config.signalr.maxMessageBytes, 1024 * 1024);
    this.#server = new WebSocketServer({ noServer: true, clientTracking: false, maxPayload });
    this.#unsubscribe = options.feed.subscribe((change, origin) => {
      if (!isResourceChange(change) || origin === null) return;
      this.broadcast(toNotification(change, origin), { name: change.name, id: change.id });
    });
  }

  /** Open connections (those whose WebSocket is up). */
  get size(): number {
    return this.#connections.size;
  }

  /** A new negotiated connection, waiting for its WebSocket. */
  negotiate(): NegotiateAnswer {
    const connectionToken = this.#newId();
    const slot: Slot = { connectionId: this.#newId(), connection: null, expiry: null };
    slot.expiry = this.#timers.start(this.#options.config.signalr.clientTimeoutMs, () => {
      if (this.#slots.get(connectionToken) === slot && slot.connection === null) this.#slots.delete(connectionToken);
    });
    this.#slots.set(connectionToken, slot);
    return {
      negotiateVersion: 1,
      connectionId: slot.connectionId,
      connectionToken,
      availableTransports: [{ transport: 'WebSockets', transferFormats: ['Text', 'Binary'] }],
    };
  }

  /**
   * Queues `notification` on every open connection subscribed to its event whose filter passes; when this
   * returns it is in each one's outgoing queue, behind what was queued before (the flusher sends it later).
   */
  broadcast(notification: Notification, resource: NotificationResource): void {
    let record: string | undefined;
    const encoded = () => {
      record ??= onEventRecord(notification);
      return record;
    };
    for (const connection of this.#connections) connection.notify(notification, resource, encoded);
  }

  /**
   * The HTTP server's `upgrade` listener for the hub path: credentials (401), the `id` (404 unknown, 409 taken;
   * none: a fresh connection), then the WebSocket. Returns false for any other path (left to the caller).
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = req.url ?? '/';
    if (hubRouteOf(url, this.paths) !== 'hub') return false;
    const { config, auth } = this.#options;
    const refuse = (error: AppError): true => {
      refuseUpgrade(socket, error, {
        locale: negotiateLocale(req.headers['accept-language'], config.defaultLocale),
        instance: url.split('?')[0] ?? '/',
        traceId: this.#options.traceId(),
      });
      return true;
    };
    if (this.#closed) {
      socket.destroy();
      return true;
    }
    if (config.auth.required) {
      const outcome = auth.authenticate({
        method: req.method ?? 'GET',
        path: url,
        headers: hubCredentialHeaders(url, req.headers),
        body: NO_BODY,
      });
      if (!outcome.ok) return refuse(new AppError('unauthenticated', { reason: outcome.reason }));
    }
    const query = url.indexOf('?');
    const token = query < 0 ? null : new URLSearchParams(url.slice(query + 1)).get('id');
    let slot: Slot;
    if (token === null) {
      slot = { connectionId: this.#newId(), connection: null, expiry: null };
    } else {
      const found = this.#slots.get(token);
      if (found === undefined) return refuse(new AppError('hub_connection_unknown', {}));
      if (found.connection !== null) return refuse(new AppError('hub_connection_in_use', {}));
      found.expiry?.cancel();
      slot = found;
    }
    const key = token ?? this.#newId();
    this.#slots.set(key, slot);
    const connection = this.#connect(slot, key);
    slot.connection = connection.hub;
    this.#server.handleUpgrade(req, socket, head, connection.attach);
    return true;
  }

  /** Closes every connection (`{"type":7}`, close 1000) and stops taking new ones; resolves when they are gone. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe();
    for (const slot of this.#slots.values()) slot.expiry?.cancel();
    for (const connection of [...this.#connections]) connection.close();
    const sockets = [...this.#sockets];
    await Promise.all(
      sockets.map(
        (ws) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === ws.CLOSED) return resolve();
            ws.once('close', () => resolve());
            // A client that does not answer the closing handshake is cut off.
            setTimeout(() => ws.terminate(), 1000).unref();
          }),
      ),
    );
    this.#slots.clear();
  }

  /** A connection for `slot`, and the callback that puts it on its WebSocket once the upgrade is done. */
  #connect(slot: Slot, key: string): { hub: HubConnection; attach: (ws: WebSocket) => void } {
    const { signalr } = this.#options.config;
    let ws: WebSocket | undefined;
    const pending: (() => void)[] = [];
    const hub = new HubConnection(
      slot.connectionId,
      {
        // A Buffer is a text frame's UTF-8 (SharedFrames); ws would send it as a binary frame otherwise.
        send: (text) => ws?.send(text, { binary: false }),
        bufferedAmount: () => ws?.bufferedAmount ?? 0,
        close: (code) => {
          if (ws === undefined) pending.push(() => ws?.close(code));
          else ws.close(code);
        },
      },
      {
        keepAliveIntervalMs: signalr.keepAliveIntervalMs,
        clientTimeoutMs: signalr.clientTimeoutMs,
        handshakeTimeoutMs: signalr.handshakeTimeoutMs,
        maxMessageBytes: signalr.maxMessageBytes,
        maxBufferedBytes: signalr.maxBufferedBytes,
        timers: this.#timers,
        flusher: this.#flusher,
        frames: this.#frames,
        onClosed: () => {
          this.#connections.delete(hub);
          this.#slots.delete(key);
        },
      },
    );
    this.#connections.add(hub);
    const attach = (socket: WebSocket): void => {
      ws = socket;
      this.#sockets.add(socket);
      socket.on('message', (data) => {
        try {
          hub.receive(textOf(data));
        } catch (error) {
          // A defect of the hub, not of the client: report it and end this connection only.
          this.#options.onError?.(error);
          hub.close(HUB_TEXTS.serverError);
        }
      });
      socket.on('close', () => {
        this.#sockets.delete(socket);
        hub.socketClosed();
      });
      socket.on('error', () => socket.terminate());
      for (const run of pending.splice(0)) run();
    };
    return { hub, attach };
  }
}
