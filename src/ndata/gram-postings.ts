/** Grams are indexed for code units below this (Latin, Latin-1, Latin Extended, Greek, Cyrillic). */
const INDEXED_BELOW = 1024;

/** At most this many distinct indexed code units, so that every gram has a slot (256³ = 16 M for trigrams). */
const ALPHABET_LIMIT = 256;

/** The first position in ascending `rows` holding a row ≥ `row`. */
function lowerBound(rows: ArrayLike<number>, row: number): number {
  let [lo, hi] = [0, rows.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] ?? 0) < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many code units a gram has: 3 (trigrams), or 2 and 1 for the needles shorter than a trigram. */
export type GramWidth = 1 | 2 | 3;

/**
 * For every gram (`width` code units) of a list of texts, the rows holding it (ascending): built in three passes
 * over typed arrays (the code units seen are numbered, so a gram is a slot number; count, place, fill), then
 * edited row by row. A posting that a write touched moves into a plain array; the rest stay in the one packed array.
 * Code units that are the separator (0), not below INDEXED_BELOW, or first seen after the build are in no gram:
 * a needle holding one cannot use the index.
 */
export class GramPostings {
  readonly #code = new Int16Array(INDEXED_BELOW).fill(-1);
  #size = 0;
  #offsets = new Int32Array(1);
  #packed = new Int32Array(0);
  readonly #edited = new Map<number, number[]>();

  /** Undefined when the texts use more distinct code units than there are slots for. */
  private constructor(readonly width: GramWidth) {}

  static build(texts: readonly string[], width: GramWidth): GramPostings | undefined {
    const index = new GramPostings(width);
    return index.#build(texts) ? index : undefined;
  }

  /** The slot of the gram at `at` (`width` code units, all within `text`), or -1. */
  slot(text: string, at: number): number {
    const code = this.#code;
    let slot = 0;
    for (let k = 0; k < this.width; k++) {
      const unit = text.charCodeAt(at + k);
      const x = unit < INDEXED_BELOW ? (code[unit] ?? -1) : -1;
      if (x < 0) return -1;
      slot = slot * this.#size + x;
    }
    return slot;
  }

  /** The distinct slots of `text`. */
  slots(text: string): Set<number> {
    const found = new Set<number>();
    for (let at = 0; at + this.width <= text.length; at++) {
      const s = this.slot(text, at);
      if (s >= 0) found.add(s);
    }
    return found;
  }

  rows(slot: number): ArrayLike<number> {
    return this.#edited.get(slot) ?? this.#packed.subarray(this.#offsets[slot] ?? 0, this.#offsets[slot + 1] ?? 0);
  }

  add(slot: number, row: number): void {
    const rows = this.#editable(slot);
    const at = lowerBound(rows, row);
    if (rows[at] !== row) rows.splice(at, 0, row);
  }

  delete(slot: number, row: number): void {
    const rows = this.#editable(slot);
    const at = lowerBound(rows, row);
    if (rows[at] === row) rows.splice(at, 1);
  }

  /** Every row after `row` moves up by one (`row` itself is in no posting any more). */
  closeUp(row: number): void {
    const packed = this.#packed;
    for (let k = 0; k < packed.length; k++) if ((packed[k] ?? 0) > row) packed[k] = (packed[k] ?? 0) - 1;
    for (const rows of this.#edited.values()) {
      for (let k = lowerBound(rows, row); k < rows.length; k++) rows[k] = (rows[k] ?? 0) - 1;
    }
  }

  #editable(slot: number): number[] {
    let rows = this.#edited.get(slot);
    if (rows === undefined) {
      rows = Array.from(this.rows(slot));
      this.#edited.set(slot, rows);
    }
    return rows;
  }

  #build(texts: readonly string[]): boolean {
    const code = this.#code;
    for (const text of texts) {
      for (let at = 0; at < text.length; at++) {
        const unit = text.charCodeAt(at);
        if (unit !== 0 && unit < INDEXED_BELOW && code[unit] === -1) {
          if (this.#size === ALPHABET_LIMIT) return false;
          code[unit] = this.#size++;
        }
      }
    }
    const slots = this.#size ** this.width;
    const counts = new Int32Array(slots + 1);
    const last = new Int32Array(slots).fill(-1);
    const visit = (place: (slot: number, row: number) => void) => {
      texts.forEach((text, row) => {
        for (let at = 0; at + this.width <= text.length; at++) {
          const s = this.slot(text, at);
          if (s >= 0 && last[s] !== row) {
            last[s] = row;
            place(s, row);
          }
        }
      });
    };
    visit((s) => {
      counts[s + 1] = (counts[s + 1] ?? 0) + 1;
    });
    for (let s = 1; s <= slots; s++) counts[s] = (counts[s] ?? 0) + (counts[s - 1] ?? 0);
    this.#offsets = counts.slice();
    this.#packed = new Int32Array(counts[slots] ?? 0);
    last.fill(-1);
    visit((s, row) => {
      const at = counts[s] ?? 0;
      this.#packed[at] = row;
      counts[s] = at + 1;
    });
    return true;
  }
}
