import { unlistedErrors } from '../../errors/catalogue.js';
import type { LocaleTexts } from '../locale-texts.js';
import { authFailures } from './auth.js';

export const problems: LocaleTexts['problems'] = {
  validation_failed: {
    title: 'The request contains invalid data',
    detail: (p) => {
      const left = unlistedErrors(p.issues.length);
      const listed = `The request has ${p.issues.length} ${p.issues.length === 1 ? 'problem' : 'problems'}; see errors.`;
      return left === 0 ? listed : `${listed} ${left} ${left === 1 ? 'is' : 'are'} left out of the list.`;
    },
  },
  version_mismatch: {
    title: 'Resource version mismatch',
    detail: (p) =>
      `The ${p.resource.name} ${p.resource.id} is stored at version ${p.resource.version ?? '-'}; the request names version ${p.sent}.`,
  },
  malformed_request: {
    title: 'Malformed request',
    detail: () =>
      'The request is not valid HTTP/1.1 (its head, length or chunks cannot be read); the connection is closed.',
  },
  unauthenticated: { title: 'Not authenticated', detail: (p) => authFailures[p.reason] },
  forbidden: {
    title: 'Insufficient rights',
    detail: (p) =>
      p.need === 'any'
        ? `One of these rights is needed: ${p.missingRights.join(', ')}.`
        : `Missing rights: ${p.missingRights.join(', ')}.`,
  },
  license_expired: {
    title: 'Licence expired',
    detail: (p) =>
      `The licence expired at ${p.expirationTime}; it must be extended before this route can be used again.`,
  },
  not_found: {
    title: 'Resource not found',
    detail: (p) => `There is no ${p.resource} with id ${p.id}.`,
  },
  route_not_found: { title: 'Resource not found', detail: (p) => `There is no route ${p.path}.` },
  hub_connection_unknown: {
    title: 'Connection not found',
    detail: () => 'No SignalR connection has this id; negotiate a new one.',
  },
  hub_connection_in_use: {
    title: 'Connection already in use',
    detail: () => 'This SignalR connection already has a WebSocket; negotiate a new one.',
  },
  method_not_allowed: {
    title: 'Method not allowed',
    detail: (p) => `The method ${p.method} is not allowed on this route; allowed: ${p.allowed.join(', ')}.`,
  },
  payload_too_large: {
    title: 'Request body too large',
    detail: (p) => `The request body exceeds the limit of ${p.limitBytes} bytes.`,
  },
  unsupported_media_type: {
    title: 'Unsupported media type',
    detail: (p) => `The content type ${p.contentType ?? '(none)'} is not supported; use application/json.`,
  },
  unsupported_encoding: {
    title: 'Unsupported content encoding',
    detail: (p) => `The content encoding ${p.encoding} is not supported; send the body uncompressed (identity).`,
  },
  unsupported_charset: {
    title: 'Unsupported character set',
    detail: (p) => `The character set ${p.charset} is not supported; send the body in utf-8.`,
  },
  headers_too_large: {
    title: 'Request header fields too large',
    detail: (p) => `The request line and headers together exceed the limit of ${p.limitBytes} bytes.`,
  },
  locked: {
    title: 'Resource locked',
    detail: (p) => `The ${p.resource} ${p.id} is temporarily locked; try again later.`,
  },
  lease_busy: {
    title: 'The mock is leased',
    detail: (p) =>
      `No ${p.mode} lease was free within ${p.waitMs} ms (held: ${p.exclusive} exclusive, ${p.shared} shared); ask again.`,
  },
  internal: { title: 'An unexpected server error occurred', detail: () => undefined },
  state_not_saved: {
    title: 'The change was not saved',
    detail: (p) =>
      `The change is in the mock's memory, but the state file ${p.file} could not be written (${p.reason}); it is lost when the mock stops unless a later write is saved.`,
  },
};
