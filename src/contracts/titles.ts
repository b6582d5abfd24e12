/**
 * Problem titles that PORTOS documents, by the `Accept-Language` a step sends ('' = none). Only these may be
 * asserted exactly in a `doc` scenario; every other title is ours, so `doc` scenarios assert `title: localized`
 * and `decision` scenarios assert the mock's texts. Source: the 404 example of
 * docs/portos/customers.md#examples (no header, Slovak).
 */
export const DOCUMENTED_TITLES: Readonly<Record<string, readonly string[]>> = {
  '': ['Zdroj nebol nájdený'],
  'sk-SK': ['Zdroj nebol nájdený'],
};

/** Whether `title` is documented for a step sent with `lang` ('' = no Accept-Language). */
export function isDocumentedTitle(lang: string, title: string): boolean {
  return DOCUMENTED_TITLES[lang]?.includes(title) ?? false;
}

/** The languages a step runs in: '' stands for "no Accept-Language header". */
export function stepLanguages(lang: string | readonly string[] | undefined): string[] {
  if (lang === undefined) return [''];
  return typeof lang === 'string' ? [lang] : [...lang];
}
