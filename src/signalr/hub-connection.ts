import { handshakeError } from './handshake.js';
import { handleRecord, MessageType, ProtocolError, type HubPeer } from './hub-protocol.js';
import { HUB_TEXTS } from './hub-texts.js';
import type { HubTimer, HubTimers } from './hub-timers.js';
import type { Notification } from './notification.js';
import { encodeRecord, RecordReader } from './record-reader.js';
import { passes, type Subscription } from './subscription.js';

/** The socket under a connection, as far as the hub uses it (text frames out, close with a code). */
export interface HubSocket {
  send(text: string): void;
  close(code: number): void;
}

export interface HubConnectionOptions {
  keepAliveIntervalMs: number;
  clientTimeoutMs: number;
  handshakeTimeoutMs: number;
  maxMessageBytes: number;
  timers: HubTimers;
  /** Called once when the connection is over, whoever ended it. */
  onClosed: () => void;
}

/** The resource a notification is about, for the subscription filters (null: not about a resource). */
export type NotificationResource = { name: string; id: string } | null;

/**
 * One SignalR connection: handshake first, then messages through the protocol table; a Ping after
 * `keepAliveIntervalMs` without sending, a close after `clientTimeoutMs` without receiving
 * (docs/decisions.md#real-time-notifications).
 */
export class HubConnection implements HubPeer {
  readonly id: string;
  readonly subscriptions = new Map<string, Subscription>();
  readonly #socket: HubSocket;
  readonly #options: HubConnectionOptions;
  readonly #reader: RecordReader;
  #state: 'handshake' | 'open' | 'closed' = 'handshake';
  #keepAlive: HubTimer | undefined;
  #timeout: HubTimer;

  constructor(id: string, socket: HubSocket, options: HubConnectionOptions) {
    this.id = id;
    this.#socket = socket;
    this.#options = options;
    this.#reader = new RecordReader(options.maxMessageBytes);
    this.#timeout = options.timers.start(options.handshakeTimeoutMs, () => this.#fail(HUB_TEXTS.handshakeTimeout));
  }

  get closed(): boolean {
    return this.#state === 'closed';
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

  #sendText(record: string): void {
    if (this.#state !== 'open') return;
    this.#socket.send(record);
    this.#restartKeepAlive();
  }

  close(error?: string): void {
    if (this.#state === 'closed') return;
    if (this.#state === 'open')
      this.#socket.send(encodeRecord({ type: MessageType.Close, ...(error === undefined ? {} : { error }) }));
    this.#end();
    this.#socket.close(1000);
  }

  closedByClient(): void {
    if (this.#state === 'closed') return;
    this.#end();
    this.#socket.close(1000);
  }

  /** The socket went away on its own. */
  socketClosed(): void {
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
