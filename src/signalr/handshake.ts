import { HUB_TEXTS } from './hub-texts.js';

/** The hub protocol and version the hub speaks (docs/portos/signalr.md#handshake). */
const PROTOCOL = 'json';
const VERSION = 1;

/** The client's handshake request, checked: null when accepted, else the error for `{"error": …}`. */
export function handshakeError(text: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return HUB_TEXTS.handshakeUnparsable;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return HUB_TEXTS.handshakeUnparsable;
  const { protocol, version } = parsed as Record<string, unknown>;
  if (typeof protocol !== 'string' || typeof version !== 'number') return HUB_TEXTS.handshakeUnparsable;
  if (protocol !== PROTOCOL) return HUB_TEXTS.handshakeProtocol(protocol);
  if (version !== VERSION) return HUB_TEXTS.handshakeVersion(version, protocol);
  return null;
}
