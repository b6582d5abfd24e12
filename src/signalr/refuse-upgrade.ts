import type { Duplex } from 'node:stream';
import type { AppError } from '../errors/app-error.js';
import { buildProblemBody } from '../http/problem-body.js';
import type { Locale } from '../i18n/locales.js';

const STATUS_LINES: Record<number, string> = {
  401: '401 Unauthorized',
  404: '404 Not Found',
  409: '409 Conflict',
  500: '500 Internal Server Error',
};

/** The challenge of a 401, as the REST routes send it. */
const CHALLENGE = 'Bearer realm="portos", NWS4-HMAC-SHA256 realm="portos", charset="UTF-8"';

/**
 * Answers a WebSocket upgrade the hub refuses with the REST problem body of `error` (the socket never became a
 * WebSocket, so this is plain HTTP written to it), then closes the connection.
 */
export function refuseUpgrade(
  socket: Duplex,
  error: AppError,
  where: { locale: Locale; instance: string; traceId: string },
): void {
  const problem = buildProblemBody(error, where);
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${STATUS_LINES[problem.status] ?? String(problem.status)}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Language: ${where.locale}\r\n` +
      (error.code === 'unauthenticated' ? `WWW-Authenticate: ${CHALLENGE}\r\n` : '') +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
