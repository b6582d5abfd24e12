/**
 * The text of a frame of several records, encoded once for every connection that sends the same records in a
 * row: connections subscribed to the same notifications, flushed one after the other, share one Buffer instead of
 * each joining and encoding its own copy. Only the last frame is remembered.
 */
export class SharedFrames {
  #records: readonly string[] = [];
  #frame: Buffer = Buffer.alloc(0);

  /** `records` joined, as UTF-8. The caller must not change `records` afterwards. */
  frameOf(records: readonly string[]): Buffer {
    if (!sameRecords(records, this.#records)) {
      this.#records = records;
      this.#frame = Buffer.from(records.join(''), 'utf8');
    }
    return this.#frame;
  }
}

function sameRecords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
