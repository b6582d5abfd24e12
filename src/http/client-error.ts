import type { Duplex } from 'node:stream';
import { AppError } from '../errors/app-error.js';
import type { Locale } from '../i18n/locales.js';
import { buildProblemBody } from './problem-body.js';

/** Node's parser codes for a request head over `maxHeaderSize`, and for a request that timed out. */
const HEADER_OVERFLOW = 'HPE_HEADER_OVERFLOW';
const TIMEOUT = 'ERR_HTTP_REQUEST_TIMEOUT';

const STATUS_LINES: Record<number, string> = { 400: '400 Bad Request', 431: '431 Request Header Fields Too Large' };

/** Whether a response to this socket's request has begun: then nothing more may be written to it. */
function answerStarted(socket: Duplex): boolean {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
  return inFlight?.headersSent === true;
}

/**
 * The server's answer to a request Node could not parse, before any middleware runs (or, for a body whose
 * framing breaks, while one waits for it): a head over the limit gets the localized 431 problem, any other
 * malformed framing (bad chunks, two Content-Lengths, an invalid head) the localized 400 problem
 * `malformed_request`; both in the default language (the headers were never read) and the connection closes.
 * A timed-out request gets Node's bare 408; a reset connection, nothing.
 */
export function clientErrorHandler(options: { defaultLocale: Locale; limitBytes: number; traceId: () => string }) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    if (!socket.writable || error.code === 'ECONNRESET' || answerStarted(socket)) {
      socket.destroy();
      return;
    }
    if (error.code === TIMEOUT) {
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
      return;
    }
    const problem =
      error.code === HEADER_OVERFLOW
        ? new AppError('headers_too_large', { limitBytes: options.limitBytes })
        : new AppError('malformed_request', {});
    const body = JSON.stringify(
      buildProblemBody(problem, { locale: options.defaultLocale, instance: '/', traceId: options.traceId() }),
    );
    const status = error.code === HEADER_OVERFLOW ? 431 : 400;
    socket.end(
      `HTTP/1.1 ${STATUS_LINES[status]}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Language: ${options.defaultLocale}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  };
}
