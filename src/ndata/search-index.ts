import type { StoredCustomer } from '../domain/customer.js';
import { fold } from './domain.js';
import { GramPostings, type GramWidth } from './gram-postings.js';

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

/** Scans of one store version before Search builds a gram index (a scan is ~1/100 of a build). */
const SCANS_BEFORE_INDEX = 16;

/**
 * The case-folded text of every customer's searched members (one string, fields joined by SEPARATOR),
 * and gram indexes over it: trigrams for needles of three or more characters, bigrams and single characters
 * for the shorter ones. Each is built once the store has been searched often enough with needles that use it,
 * and then kept current through every write (`replace`, `append`, `remove`).
 */
export class SearchIndex {
  /** By width - 1: undefined until built; null when the texts cannot be indexed. */
  readonly #grams: (GramPostings | null | undefined)[] = [undefined, undefined, undefined];
  readonly #scans = [0, 0, 0];

  constructor(readonly texts: string[]) {}

  /** The gram indexes built so far. */
  #built(): GramPostings[] {
    return this.#grams.filter((g): g is GramPostings => g !== undefined && g !== null);
  }

  replace(row: number, text: string): void {
    const before = this.texts[row] ?? '';
    this.texts[row] = text;
    if (before === text) return;
    for (const grams of this.#built()) {
      const [old, now] = [grams.slots(before), grams.slots(text)];
      for (const slot of old) if (!now.has(slot)) grams.delete(slot, row);
      for (const slot of now) if (!old.has(slot)) grams.add(slot, row);
    }
  }

  append(text: string): void {
    const row = this.texts.push(text) - 1;
    for (const grams of this.#built()) for (const slot of grams.slots(text)) grams.add(slot, row);
  }

  /** Drops `row`; the rows after it move up by one. */
  remove(row: number): void {
    const [before] = this.texts.splice(row, 1);
    for (const grams of this.#built()) {
      for (const slot of grams.slots(before ?? '')) grams.delete(slot, row);
      grams.closeUp(row);
    }
  }

  /** Builds the index of `width` now if it is not built yet (it stays null when the texts cannot be indexed). */
  prepare(width: GramWidth): void {
    if (this.#grams[width - 1] === undefined) this.#grams[width - 1] = GramPostings.build(this.texts, width) ?? null;
  }

  /**
   * Rows holding the rarest gram of `needle` (ascending; exactly the matches when the needle is one gram: up to
   * three characters), or undefined when the needle cannot use an index or its index is not built yet.
   */
  candidates(needle: string): ArrayLike<number> | undefined {
    if (needle.length === 0) return undefined;
    const width: GramWidth = needle.length >= 3 ? 3 : needle.length === 2 ? 2 : 1;
    if (this.#grams[width - 1] === undefined) {
      this.#scans[width - 1] = (this.#scans[width - 1] ?? 0) + 1;
      if ((this.#scans[width - 1] ?? 0) <= SCANS_BEFORE_INDEX) return undefined;
      this.prepare(width);
    }
    const grams = this.#grams[width - 1];
    if (grams === null || grams === undefined) return undefined;
    let best: ArrayLike<number> | undefined;
    for (let at = 0; at + width <= needle.length; at++) {
      const slot = grams.slot(needle, at);
      if (slot < 0) return undefined;
      const rows = grams.rows(slot);
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

/** The rows matching Search `text` through a gram index, or undefined when Search must scan instead. */
export function searchCandidates(index: SearchIndex, text: string): ArrayLike<number> | undefined {
  const needle = fold(text);
  const rows = index.candidates(needle);
  if (rows === undefined || needle.length <= 3) return rows;
  const test = searchTest(index, text);
  const kept: number[] = [];
  for (let k = 0; k < rows.length; k++) if (test(rows[k] ?? 0)) kept.push(rows[k] ?? 0);
  return kept;
}
