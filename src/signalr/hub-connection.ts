import { FLUSH_AT_ONCE, type Flushable, type FlushScheduler } from './flush-scheduler.js';
import { handshakeError } from './handshake.js';
import { handleRecord, MessageType, ProtocolError, type HubPeer } from './hub-protocol.js';
import { HUB_TEXTS } from './hub-texts.js';
import type { HubTimer, HubTimers } from './hub-timers.js';
import type { Notification } from './notification.js';
import { encodeRecord, RecordReader } from './record-reader.js';
import type { SharedFrames } from './shared-frames.js';
import { passes, type Subscription } from './subscription.js';

/** The socket under a connection, as far as the hub uses it (text frames out, close with a code). */
export interface HubSocket {
  /** Sends one text frame (given as a string or as its UTF-8 bytes). */
  send(text: string | Buffer): void;
  close(code: number): void;
  /** Bytes handed to the socket that it has not written yet (a client that does not read makes it grow). */
  bufferedAmount(): number;
}

export interface HubConnectionOptions {
  keepAliveIntervalMs: number;
  clientTimeoutMs: number;
  handshakeTimeoutMs: number;
  maxMessageBytes: number;
  /** More than this waiting to be sent (queued and in the socket's buffer) closes the connection. */
  maxBufferedBytes: number;
  timers: HubTimers;
  /** When queued records go out (default: at once, one frame each). */
  flusher?: FlushScheduler;
  /** Frames of several records, encoded once for the connections that send the same (default: each its own). */
  frames?: SharedFrames;
  /** Called once when the connection is over, whoever ended it. */
  onClosed: () => void;
}

/** The resource a notification is about, for the subscription filters (null: not about a resource). */
export type NotificationResource = { name: string; id: string } | null;

/**
 * One SignalR connection: handshake first, then messages through the protocol table; a Ping after
 * `keepAliveIntervalMs` without sending, a close after `clientTimeoutMs` without receiving
 * (docs/decisions.md#real-time-notifications). Everything after the handshake answer goes through one outgoing
 * queue, in order: notifications, completions and pings are queued at once and flushed together, several records
 * in one text frame, when the flusher says; more than `maxBufferedBytes` waiting closes the connection.
 */
export class HubConnection implements HubPeer, Flushable {
  readonly id: string;
  readonly subscriptions = new Map<string, Subscription>();
  readonly #socket: HubSocket;
  readonly #options: HubConnectionOptions;
  readonly #reader: RecordReader;
  readonly #flusher: FlushScheduler;
  #outbox: string[] = [];
  /** Characters in the outbox (the records are JSON, mostly ASCII: about their bytes). */
  #outboxLength = 0;
  #state: 'handshake' | 'open' | 'closed' = 'handshake';
  #keepAlive: HubTimer | undefined;
  #timeout: HubTimer;

  constructor(id: string, socket: HubSocket, options: HubConnectionOptions) {
    this.id = id;
    this.#socket = socket;
    this.#options = options;
    this.#reader = new RecordReader(options.maxMessageBytes);
    this.#flusher = options.flusher ?? FLUSH_AT_ONCE;
    this.#timeout = options.timers.start(options.handshakeTimeoutMs, () => this.#fail(HUB_TEXTS.handshakeTimeout));
  }

  get closed(): boolean {
    return this.#state === 'closed';
  }

  get queued(): number {
    return this.#outbox.length;
  }

  /** A frame's text from the client. */
  receive(text: string): void {
    if (this.#state === 'closed') return;
    if (this.#state === 'open') this.#restartTimeout();
    const read = this.#reader.push(text);
    if (!read.ok) {
      const detail = HUB_TEXTS.tooLarge(read.bytes, this.#options.maxMessageBytes);
      this.#fail(this.#state === 'handshake' ? detail : HUB_TEXTS.protocolError(detail));
      return;
    }
    for (const record of read.records) {
      if (this.closed) return;
      if (this.#state === 'handshake') this.#handshake(record);
      else {
        try {
          handleRecord(this, record);
        } catch (error) {
          if (!(error instanceof ProtocolError)) throw error;
          this.close(HUB_TEXTS.protocolError(error.message));
        }
      }
    }
  }

  /**
   * Pushes `notification` when the connection is subscribed to its event and the filter passes. `encoded` gives
   * its invocation record, made once per notification by the caller and shared by every connection.
   */
  notify(
    notification: Notification,
    resource: NotificationResource,
    encoded: () => string = () => onEventRecord(notification),
  ): void {
    if (this.#state !== 'open') return;
    const subscription = this.subscriptions.get(notification.e);
    if (subscription === undefined) return;
    if (resource !== null && !passes(subscription, resource.name, resource.id)) return;
    this.#sendText(encoded());
  }

  send(message: object): void {
    this.#sendText(encodeRecord(message));
  }

  /** Queues `record` behind what is already queued; it goes out at the next flush. */
  #sendText(record: string): void {
    if (this.#state !== 'open') return;
    this.#outbox.push(record);
    this.#outboxLength += record.length;
    if (this.#outboxLength > this.#options.maxBufferedBytes) {
      this.#overflow(this.#outboxLength);
      return;
    }
    if (this.#outbox.length === 1) this.#flusher.request(this);
  }

  /** Sends everything queued as one frame (the records keep their order), unless too much is waiting. */
  flush(): void {
    if (this.#state !== 'open' || this.#outbox.length === 0) return;
    const waiting = this.#outboxLength + this.#socket.bufferedAmount();
    if (waiting > this.#options.maxBufferedBytes) {
      this.#overflow(waiting);
      return;
    }
    this.#drain();
    this.#restartKeepAlive();
  }

  #drain(): void {
    const outbox = this.#outbox;
    if (outbox.length === 0) return;
    this.#outbox = [];
    this.#outboxLength = 0;
    if (outbox.length === 1) this.#socket.send(outbox[0] as string);
    else this.#socket.send(this.#options.frames?.frameOf(outbox) ?? outbox.join(''));
  }

  /** A client that does not read: what waits is dropped and the connection closed with an error. */
  #overflow(bytes: number): void {
    this.#outbox = [];
    this.#outboxLength = 0;
    this.close(HUB_TEXTS.slowConsumer(bytes, this.#options.maxBufferedBytes));
  }

  /** Sends what is queued, then Close (with `error`), and closes the socket 1000. */
  close(error?: string): void {
    if (this.#state === 'closed') return;
    if (this.#state === 'open') {
      this.#outbox.push(encodeRecord({ type: MessageType.Close, ...(error === undefined ? {} : { error }) }));
      this.#drain();
    }
    this.#end();
    this.#socket.close(1000);
  }

  closedByClient(): void {
    if (this.#state === 'closed') return;
    this.#outbox = [];
    this.#end();
    this.#socket.close(1000);
  }

  /** The socket went away on its own. */
  socketClosed(): void {
    this.#outbox = [];
    this.#end();
  }

  #handshake(record: string): void {
    const error = handshakeError(record);
    if (error !== null) {
      this.#fail(error);
      return;
    }
    this.#socket.send(encodeRecord({}));
    this.#state = 'open';
    this.#restartTimeout();
    this.#restartKeepAlive();
  }

  /** Before the handshake the error goes as a handshake answer, after it as a Close message. */
  #fail(error: string): void {
    if (this.#state === 'handshake') {
      this.#socket.send(encodeRecord({ error }));
      this.#end();
      this.#socket.close(1000);
    } else this.close(error);
  }

  #restartTimeout(): void {
    this.#timeout.cancel();
    this.#timeout = this.#options.timers.start(this.#options.clientTimeoutMs, () =>
      this.close(HUB_TEXTS.clientTimeout),
    );
  }

  #restartKeepAlive(): void {
    this.#keepAlive?.cancel();
    this.#keepAlive = this.#options.timers.start(this.#options.keepAliveIntervalMs, () =>
      this.send({ type: MessageType.Ping }),
    );
  }

  #end(): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    this.#timeout.cancel();
    this.#keepAlive?.cancel();
    this.#options.onClosed();
  }
}

/** The `OnEvent` invocation record of a notification, as every subscribed connection receives it. */
export function onEventRecord(notification: Notification): string {
  return encodeRecord({ type: MessageType.Invocation, target: 'OnEvent', arguments: [notification] });
}
