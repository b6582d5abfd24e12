import { HUB_METHODS } from './hub-methods.js';
import { HUB_TEXTS } from './hub-texts.js';
import { SubscriptionError, type Subscription } from './subscription.js';

/** The JSON hub protocol's message types (docs/portos/signalr.md#messages). */
export const MessageType = {
  Invocation: 1,
  StreamItem: 2,
  Completion: 3,
  StreamInvocation: 4,
  CancelInvocation: 5,
  Ping: 6,
  Close: 7,
  Ack: 8,
  Sequence: 9,
} as const;

/** What a message handler may do to its connection. */
export interface HubPeer {
  readonly subscriptions: Map<string, Subscription>;
  /** Sends one message (as a record). */
  send(message: object): void;
  /** Ends the connection: a Close message (with `error` when given), then close 1000. */
  close(error?: string): void;
  /** The client said goodbye (Close): close the socket without a message of our own. */
  closedByClient(): void;
}

/** A message that breaks the protocol: the connection ends with this detail. */
export class ProtocolError extends Error {}

type Message = Record<string, unknown>;

function member<T>(message: Message, name: string, check: (value: unknown) => value is T, type: string): T {
  const value = message[name];
  if (value === undefined) throw new ProtocolError(HUB_TEXTS.missingMember(name));
  if (!check(value)) throw new ProtocolError(HUB_TEXTS.badMember(name, type));
  return value;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isArray = (value: unknown): value is unknown[] => Array.isArray(value);

/** An invocation's `invocationId` (absent: the client expects no answer) and `target`, checked. */
function invocationOf(message: Message): { invocationId: string | undefined; target: string; args: unknown[] } {
  const invocationId =
    message['invocationId'] === undefined ? undefined : member(message, 'invocationId', isString, 'String');
  return {
    invocationId,
    target: member(message, 'target', isString, 'String'),
    args: member(message, 'arguments', isArray, 'Array'),
  };
}

/** Runs the method `target` names and answers with a Completion (when the call had an id). */
function invoke(peer: HubPeer, message: Message): void {
  const { invocationId, target, args } = invocationOf(message);
  let error: string | undefined;
  let result: unknown;
  const method = HUB_METHODS.get(target.toLowerCase());
  if (method === undefined) error = HUB_TEXTS.unknownMethod(target);
  else if (args.length < method.minArguments || args.length > method.maxArguments) {
    error = HUB_TEXTS.bindingFailed(target);
  } else {
    try {
      result = method.run(peer.subscriptions, args);
    } catch (thrown) {
      error =
        thrown instanceof SubscriptionError
          ? HUB_TEXTS.hubException(target, thrown.message)
          : HUB_TEXTS.bindingFailed(target);
    }
  }
  if (invocationId === undefined) return;
  peer.send({
    type: MessageType.Completion,
    invocationId,
    ...(error !== undefined ? { error } : result !== undefined ? { result } : {}),
  });
}

/** A streaming call: the hub has no streaming methods, so it fails like ASP.NET's. */
function invokeStream(peer: HubPeer, message: Message): void {
  const { invocationId, target } = invocationOf(message);
  const known = HUB_METHODS.has(target.toLowerCase());
  peer.send({
    type: MessageType.Completion,
    invocationId: invocationId ?? member(message, 'invocationId', isString, 'String'),
    error: known ? HUB_TEXTS.streamingNotSupported(target) : HUB_TEXTS.unknownMethod(target),
  });
}

const ignore = (): void => undefined;

/** Message type → handler: every type a client may send; any other type ends the connection. */
export const MESSAGE_HANDLERS: ReadonlyMap<number, (peer: HubPeer, message: Message) => void> = new Map([
  [MessageType.Invocation, invoke],
  // No streams: items for a stream nobody opened are dropped, as ASP.NET does.
  [MessageType.StreamItem, ignore],
  // Answers to server-to-client calls: the hub makes none.
  [MessageType.Completion, ignore],
  [MessageType.StreamInvocation, invokeStream],
  [MessageType.CancelInvocation, ignore],
  [MessageType.Ping, ignore],
  [MessageType.Close, (peer: HubPeer) => peer.closedByClient()],
  // Stateful reconnect is not offered, so acks and sequence numbers mean nothing.
  [MessageType.Ack, ignore],
  [MessageType.Sequence, ignore],
]);

/** Handles one record's text; throws `ProtocolError` for what ends the connection. */
export function handleRecord(peer: HubPeer, text: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ProtocolError(HUB_TEXTS.unparsable);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ProtocolError(HUB_TEXTS.unparsable);
  }
  const message = parsed as Message;
  const type = message['type'];
  if (type === undefined) throw new ProtocolError(HUB_TEXTS.missingMember('type'));
  const handler = typeof type === 'number' ? MESSAGE_HANDLERS.get(type) : undefined;
  if (handler === undefined) throw new ProtocolError(HUB_TEXTS.unknownType(type));
  handler(peer, message);
}
