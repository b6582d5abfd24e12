import type { Duplex } from 'node:stream';
import { AppError } from '../errors/app-error.js';
import type { Locale } from '../i18n/locales.js';
import { buildProblemBody } from './problem-body.js';

/**
 * The server's answer to a request Node could not even parse, before any middleware runs. A request head over
 * the limit gets the localized 431 problem (in the default language: its headers were never read); anything
 * else that is not HTTP gets Node's own bare 400 and the connection closes.
 */
export function clientErrorHandler(options: { defaultLocale: Locale; limitBytes: number; traceId: () => string }) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    if (!socket.writable) return;
    if (error.code !== 'HPE_HEADER_OVERFLOW') {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const problem = new AppError('headers_too_large', { limitBytes: options.limitBytes });
    const body = JSON.stringify(
      buildProblemBody(problem, { locale: options.defaultLocale, instance: '/', traceId: options.traceId() }),
    );
    socket.end(
      'HTTP/1.1 431 Request Header Fields Too Large\r\n' +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Language: ${options.defaultLocale}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  };
}
