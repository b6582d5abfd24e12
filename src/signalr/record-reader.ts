/** Ends every JSON hub protocol message, the handshake included (docs/portos/signalr.md#messages). */
export const RECORD_SEPARATOR = '\u001e';

/** `value` as one record: its JSON and the separator. */
export function encodeRecord(value: unknown): string {
  return `${JSON.stringify(value)}${RECORD_SEPARATOR}`;
}

/** What one frame's text gave: the complete records, or the size of one over the limit. */
export type ReadOutcome = { ok: true; records: string[] } | { ok: false; bytes: number };

/**
 * Splits incoming text into records: a frame may carry several and a record may span frames, so the text after
 * the last separator waits for the next frame. A record (or the unfinished rest) over `maxBytes` is refused.
 */
export class RecordReader {
  #rest = '';
  readonly #maxBytes: number;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  push(text: string): ReadOutcome {
    const parts = (this.#rest + text).split(RECORD_SEPARATOR);
    this.#rest = parts.pop() ?? '';
    for (const part of [...parts, this.#rest]) {
      const bytes = Buffer.byteLength(part);
      if (bytes > this.#maxBytes) return { ok: false, bytes };
    }
    return { ok: true, records: parts };
  }
}
