import type { ProblemCode } from '../errors/catalogue.js';
import type { Issue } from '../errors/issue.js';
import type { ProblemParams } from '../errors/problem-params.js';
import { LOCALES, type Locale } from './locales.js';

/** The localized title and detail of a problem. */
export function problemText<K extends ProblemCode>(
  code: K,
  params: ProblemParams[K],
  locale: Locale,
): { title: string; detail: string | undefined } {
  const entry = LOCALES[locale].texts.problems[code] as {
    title: string;
    detail: (p: ProblemParams[K]) => string | undefined;
  };
  return { title: entry.title, detail: entry.detail(params) };
}

/** The localized message of one validation issue. */
export function issueMessage(item: Issue, locale: Locale): string {
  const message = LOCALES[locale].texts.issues[item.kind] as (p: Issue['params']) => string;
  return message(item.params);
}
