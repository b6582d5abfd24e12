/**
 * Every text the hub sends to clients, in English as ASP.NET Core SignalR writes them (clients see them verbatim
 * as `Error` messages; docs/decisions.md#real-time-notifications). PORTOS localizes none of them.
 */
export const HUB_TEXTS = {
  unknownMethod: (target: string) => `Unknown hub method '${target}'`,
  bindingFailed: (target: string) => `Failed to invoke '${target}' due to an error on the server.`,
  hubException: (target: string, message: string) =>
    `An unexpected error occurred invoking '${target}' on the server. HubException: ${message}`,
  streamingNotSupported: (target: string) =>
    `The client attempted to invoke the non-streaming '${target}' method with a streaming invocation.`,
  serverError: 'Connection closed with an error.',
  protocolError: (detail: string) => `Connection closed with an error. InvalidDataException: ${detail}`,
  handshakeUnparsable: 'An unexpected error occurred during connection handshake.',
  handshakeProtocol: (protocol: string) => `The protocol '${protocol}' is not supported.`,
  handshakeVersion: (version: number, protocol: string) =>
    `The server does not support version ${version} of the '${protocol}' protocol.`,
  handshakeTimeout: 'Handshake was canceled: the client sent no handshake in time.',
  clientTimeout: 'Server closed the connection: the client sent nothing within the client timeout.',
  slowConsumer: (bytes: number, max: number) =>
    `Server closed the connection: the client did not read its messages (${bytes}B waiting, at most ${max}B).`,
  tooLarge: (bytes: number, max: number) => `The maximum message size of ${max}B was exceeded (${bytes}B).`,
  unparsable: 'Error reading JSON.',
  unknownType: (type: unknown) => `Unknown message type: ${JSON.stringify(type)}`,
  missingMember: (member: string) => `Missing required property '${member}'.`,
  badMember: (member: string, expected: string) => `Expected '${member}' to be of type ${expected}.`,
  // Subscribe / Unsubscribe argument problems (the HubException's message).
  eventNotString: 'The event must be a string.',
  unknownEvent: (event: string, known: readonly string[]) =>
    `Unknown event '${event}'; the events are ${known.map((name) => `'${name}'`).join(' and ')}.`,
  optionsNotObject: 'The options must be an object or null.',
  resourcesNotArray: "'resources' must be an array or null.",
  resourceNotObject: (index: number) => `resources[${index}] must be an object.`,
  resourceName: (index: number) => `resources[${index}].name must be a non-empty string.`,
  resourceIds: (index: number) => `resources[${index}].ids must be an array of strings or null.`,
} as const;
