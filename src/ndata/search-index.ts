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

/**
 * The case-folded text of every customer's searched members (one string, fields joined by SEPARATOR),
 * and a trigram index over it, built once this version of the store has been searched often enough.
 */
export class SearchIndex {
  #grams: Map<number, number[]> | undefined;
  #scans = 0;

  constructor(readonly texts: readonly string[]) {}

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

export function buildSearchIndex(items: readonly StoredCustomer[]): SearchIndex {
  return new SearchIndex(items.map((c) => fold(SEARCHED.map((get) => get(c) ?? '').join(SEPARATOR))));
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
