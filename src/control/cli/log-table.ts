import type { ChangeEvent } from '../change-feed.js';
import type { RequestRecord } from '../request-record.js';

/** A log entry as the control API lists it: the record and its sequence number. */
export type RequestEntry = RequestRecord & { seq: number };
export type ChangeEntry = ChangeEvent & { seq: number };

function time(at: string | number): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? String(at) : date.toISOString().slice(11, 23);
}

const cell = (text: string, width: number) => text.padEnd(width);

/** The table heading of each log (fixed widths, so followed rows line up with the first ones). */
export const LOG_HEADINGS = {
  requests: `${'SEQ'.padStart(6)}  ${cell('TIME (UTC)', 12)}  ${cell('METHOD', 6)}  STATUS  ${'MS'.padStart(6)}  ${cell('WHO', 12)}  URL`,
  changes: `${'SEQ'.padStart(6)}  ${cell('TIME (MOCK)', 12)}  ${cell('ACTION', 8)}  ${cell('_V', 7)}  ${cell('WHO', 12)}  WHAT`,
} as const;

/** One request as a table row; faults and an unusual outcome follow the URL. */
export function requestRow(entry: RequestEntry): string {
  const extra = [
    ...(entry.faults.length === 0 ? [] : [`faults: ${entry.faults.join(', ')}`]),
    ...(entry.outcome === 'completed' ? [] : [entry.outcome]),
  ];
  return [
    String(entry.seq).padStart(6),
    cell(time(entry.at), 12),
    cell(entry.method, 6),
    cell(entry.status === null ? '-' : String(entry.status), 6),
    entry.latencyMs.toFixed(1).padStart(6),
    cell(entry.identity ?? '-', 12),
    `${entry.url}${extra.length === 0 ? '' : `  (${extra.join('; ')})`}`,
  ].join('  ');
}

/** One change as a table row. */
export function changeRow(entry: ChangeEntry): string {
  if (entry.kind !== 'replaced') {
    return [
      String(entry.seq).padStart(6),
      cell(time(entry.at), 12),
      cell(entry.action, 8),
      cell(`${entry.before ?? '-'}→${entry.after ?? '-'}`, 7),
      cell(entry.identity ?? '-', 12),
      `${entry.kind} ${entry.id}`,
    ].join('  ');
  }
  return [
    String(entry.seq).padStart(6),
    cell(time(entry.at), 12),
    cell('replaced', 8),
    cell('', 7),
    cell('-', 12),
    `${entry.count} ${entry.resource ?? 'customers'} (${entry.reason}${entry.snapshot === undefined ? '' : ` ${entry.snapshot}`})`,
  ].join('  ');
}
