import type { StoredCustomer } from '../domain/customer.js';
import { fold } from './domain.js';

/** Joins the searched fields; a needle without this character cannot match across two fields. */
const SEPARATOR = '\u0000';

/** The members `Search` looks in (docs/portos/customers.md#query-parameters). */
const SEARCHED: ReadonlyArray<(c: StoredCustomer) => string | null> = [
  (c) => c.firstName,
  (c) => c.lastName,
  (c) => c.company?.name ?? null,
  (c) => c.company?.vatId ?? null,
  (c) => c.company?.taxId ?? null,
  (c) => c.note,
];

/** Scans of one store version before Search builds its trigram index (a scan is ~1/100 of a build). */
const SCANS_BEFORE_INDEX = 16;

/** Trigrams are indexed for code units below this (Latin, Latin-1, Latin Extended, Greek, Cyrillic): 3 × 10 bits. */
const INDEXED_BELOW = 1024;

/** Three code units as one small integer, or -1 when one is the separator or not indexed. */
function gram(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  if (a === 0 || b === 0 || c === 0 || a >= INDEXED_BELOW || b >= INDEXED_BELOW || c >= INDEXED_BELOW) return -1;
  return (a << 20) | (b << 10) | c;
}

function buildGrams(texts: readonly string[]): Map<number, number[]> {
  const grams = new Map<number, number[]>();
  texts.forEach((text, row) => {
    for (let at = 0; at + 3 <= text.length; at++) {
      const key = gram(text, at);
      if (key < 0) continue;
      const rows = grams.get(key);
      if (rows === undefined) grams.set(key, [row]);
      else if (rows[rows.length - 1] !== row) rows.push(row);
    }
  });
  return grams;
}

/** The distinct indexed trigrams of `text`. */
function gramsOf(text: string): Set<number> {
  const found = new Set<number>();
  for (let at = 0; at + 3 <= text.length; at++) {
    const key = gram(text, at);
    if (key >= 0) found.add(key);
  }
  return found;
}

/** The first position in ascending `rows` holding a row ≥ `row`. */
function lowerBound(rows: readonly number[], row: number): number {
  let [lo, hi] = [0, rows.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] ?? 0) < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The case-folded text of every customer's searched members (one string, fields joined by SEPARATOR),
 * and a trigram index over it, built once the store has been searched often enough and then kept current
 * through every write (`replace`, `append`, `remove`).
 */
export class SearchIndex {
  #grams: Map<number, number[]> | undefined;
  #scans = 0;

  constructor(readonly texts: string[]) {}

  replace(row: number, text: string): void {
    const before = this.texts[row] ?? '';
    this.texts[row] = text;
    if (this.#grams === undefined || before === text) return;
    const [old, now] = [gramsOf(before), gramsOf(text)];
    for (const key of old) if (!now.has(key)) this.#unpost(key, row);
    for (const key of now) {
      if (old.has(key)) continue;
      const rows = this.#grams.get(key);
      if (rows === undefined) this.#grams.set(key, [row]);
      else rows.splice(lowerBound(rows, row), 0, row);
    }
  }

  append(text: string): void {
    const row = this.texts.push(text) - 1;
    if (this.#grams === undefined) return;
    for (const key of gramsOf(text)) {
      const rows = this.#grams.get(key);
      if (rows === undefined) this.#grams.set(key, [row]);
      else rows.push(row);
    }
  }

  /** Drops `row`; the rows after it move up by one. */
  remove(row: number): void {
    const [before] = this.texts.splice(row, 1);
    if (this.#grams === undefined) return;
    for (const key of gramsOf(before ?? '')) this.#unpost(key, row);
    for (const rows of this.#grams.values()) {
      for (let k = lowerBound(rows, row); k < rows.length; k++) rows[k] = (rows[k] ?? 0) - 1;
    }
  }

  #unpost(key: number, row: number): void {
    const rows = this.#grams?.get(key);
    if (rows === undefined) return;
    const at = lowerBound(rows, row);
    if (rows[at] === row) rows.splice(at, 1);
    if (rows.length === 0) this.#grams?.delete(key);
  }

  /**
   * Rows holding the rarest trigram of `needle` (ascending; exactly the matches for three characters), or
   * undefined when the needle cannot use the index or the index is not built yet.
   */
  candidates(needle: string): readonly number[] | undefined {
    const keys: number[] = [];
    for (let at = 0; at + 3 <= needle.length; at++) keys.push(gram(needle, at));
    if (keys.length === 0 || keys.some((k) => k < 0)) return undefined;
    if (this.#grams === undefined) {
      this.#scans += 1;
      if (this.#scans <= SCANS_BEFORE_INDEX) return undefined;
      this.#grams = buildGrams(this.texts);
    }
    let best: readonly number[] | undefined;
    for (const key of keys) {
      const rows = this.#grams.get(key) ?? [];
      if (best === undefined || rows.length < best.length) best = rows;
    }
    return best;
  }
}

/** What Search looks in for one customer, as the index keeps it. */
export function searchedText(c: StoredCustomer): string {
  return fold(SEARCHED.map((get) => get(c) ?? '').join(SEPARATOR));
}

export function buildSearchIndex(items: readonly StoredCustomer[]): SearchIndex {
  return new SearchIndex(items.map(searchedText));
}

/** Whether customer `i` has a searched member containing `text`, ignoring case (diacritics count). */
export function searchTest(index: SearchIndex, text: string): (i: number) => boolean {
  const needle = fold(text);
  const { texts } = index;
  if (needle.includes(SEPARATOR)) return (i) => texts[i]?.split(SEPARATOR).some((f) => f.includes(needle)) ?? false;
  return (i) => texts[i]?.includes(needle) ?? false;
}

/** The rows matching Search `text` through the trigram index, or undefined when Search must scan instead. */
export function searchCandidates(index: SearchIndex, text: string): readonly number[] | undefined {
  const needle = fold(text);
  const rows = index.candidates(needle);
  if (rows === undefined) return undefined;
  return needle.length === 3 ? rows : rows.filter(searchTest(index, text));
}
