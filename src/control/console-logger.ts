import { pino } from 'pino';
import type { ConsoleLog } from './console-log.js';
import type { RequestRecord } from './request-record.js';
import type { DeliveryRecord } from './webhook-dispatcher.js';

/** Where the console log goes: `process.stdout`, or anything with `write` (tests). */
export interface LogSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function requestLine(r: RequestRecord): string {
  const who = r.identity === null ? '' : `  ${r.identity}`;
  const faults = r.faults.length === 0 ? '' : `  faults: ${r.faults.join(', ')}`;
  const outcome = r.outcome === 'completed' ? '' : `  (${r.outcome})`;
  return `${r.at}  ${r.method} ${r.url}  ${r.status ?? '-'}  ${r.latencyMs} ms${who}${faults}${outcome}`;
}

function webhookLine(w: DeliveryRecord, message: string): string {
  const answer = w.status === null ? (w.error ?? '-') : String(w.status);
  return `${w.at}  ${message}: ${w.action} ${w.id} → ${w.url}  ${answer}  attempt ${w.attempt}  ${w.durationMs} ms`;
}

/** One readable line for a terminal. */
export function textLine(fields: object, message: string, level: 'info' | 'warn'): string {
  const mark = level === 'warn' ? 'WARN ' : '';
  const { req, webhook } = fields as { req?: unknown; webhook?: unknown };
  if (isObject(req) && typeof req['method'] === 'string') return mark + requestLine(req as unknown as RequestRecord);
  if (isObject(webhook) && typeof webhook['url'] === 'string')
    return mark + webhookLine(webhook as unknown as DeliveryRecord, message);
  return `${mark}${new Date().toISOString()}  ${message} ${JSON.stringify(fields)}`;
}

/**
 * The console log of `portos-mock serve`: one line per request or webhook attempt, written as it happens (no
 * buffering). On a terminal a readable line; piped, a pino JSON line (`{"level":30,…,"req":{…},"msg":"request"}`).
 */
export function consoleLogger(sink: LogSink = process.stdout): ConsoleLog {
  if (sink.isTTY !== true) {
    // pino writes each line straight to a plain stream (no SonicBoom buffer).
    return pino(
      { name: 'portos-mock', timestamp: pino.stdTimeFunctions.isoTime },
      { write: (line: string) => sink.write(line) },
    );
  }
  const write = (level: 'info' | 'warn') => (fields: object, message: string) => {
    sink.write(`${textLine(fields, message, level)}\n`);
  };
  return { info: write('info'), warn: write('warn') };
}
