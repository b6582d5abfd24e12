import { LOCALES, LOCALE_NAMES, type Locale } from './locales.js';

interface Range {
  language: string;
  q: number;
  order: number;
}

function parseRanges(header: string): Range[] {
  const ranges: Range[] = [];
  header.split(',').forEach((part, order) => {
    const [tag = '', ...params] = part.trim().split(';');
    let q = 1;
    for (const param of params) {
      const [name, value] = param.trim().split('=');
      if (name?.trim().toLowerCase() === 'q' && value !== undefined) {
        const parsed = Number(value.trim());
        q = Number.isFinite(parsed) && parsed >= 0 && parsed <= 1 ? parsed : 0;
      }
    }
    const language = tag.trim().toLowerCase().split('-')[0] ?? '';
    if (language !== '' && q > 0) ranges.push({ language, q, order });
  });
  return ranges.sort((a, b) => b.q - a.q || a.order - b.order);
}

/**
 * The language of a response from `Accept-Language` (q-values honoured; `sk`, `sk-*` → sk-SK,
 * `en`, `en-*` → en-GB; highest q wins, ties by order); `fallback` when nothing supported is named.
 */
export function negotiateLocale(header: string | undefined, fallback: Locale): Locale {
  if (header === undefined || header.length > 1000) return fallback;
  for (const range of parseRanges(header)) {
    const match = LOCALE_NAMES.find((locale) =>
      (LOCALES[locale].languages as readonly string[]).includes(range.language),
    );
    if (match !== undefined) return match;
  }
  return fallback;
}
