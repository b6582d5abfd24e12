import type { LocaleTexts } from './locale-texts.js';
import { texts as enGB } from './en-GB/index.js';
import { texts as skSK } from './sk-SK/index.js';

/**
 * The supported languages: one row each. `languages` are the primary subtags of Accept-Language
 * that select the row (`sk`, `sk-*` → sk-SK). Adding a language is one row here plus its texts folder.
 */
export const LOCALES = {
  'sk-SK': { languages: ['sk'], texts: skSK },
  'en-GB': { languages: ['en'], texts: enGB },
} as const satisfies Record<string, { languages: readonly string[]; texts: LocaleTexts }>;

export type Locale = keyof typeof LOCALES;

export const LOCALE_NAMES = Object.keys(LOCALES) as Locale[];

export function isLocale(value: string): value is Locale {
  return Object.hasOwn(LOCALES, value);
}
