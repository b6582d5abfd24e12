import { MAX_LISTED_ERRORS, PROBLEMS, STATUS_TYPES } from '../errors/catalogue.js';
import type { AppError } from '../errors/app-error.js';
import { BODY_CONSTRAINT_CODES } from '../errors/body-issues.js';
import type { Locale } from '../i18n/locales.js';
import { issueMessage, problemText } from '../i18n/translate.js';

/** Wire form of an RFC 7807 problem as PORTOS sends it. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance: string;
  traceId: string;
  errorCode?: number;
  resource?: { name: string; id: string; version: number | null };
  errors?: { memberName: string; message: string; code?: string }[];
}

/**
 * The problem body of `error` in `locale`: catalogue status (unless `status` overrides it, as configured) and its
 * type URI, localized title, detail and messages; `errors` lists at most `MAX_LISTED_ERRORS` issues.
 */
export function buildProblemBody(
  error: AppError,
  where: { locale: Locale; instance: string; traceId: string; status?: number },
): ProblemBody {
  const { locale } = where;
  const catalogued: { status: number; errorCode?: number } = PROBLEMS[error.code];
  const entry = { ...catalogued, status: where.status ?? catalogued.status };
  const { title, detail } = problemText(error.code, error.params, locale);
  const body: ProblemBody = {
    type: STATUS_TYPES[entry.status] ?? 'about:blank',
    title,
    status: entry.status,
    ...(detail === undefined ? {} : { detail }),
    instance: where.instance,
    traceId: where.traceId,
    ...(entry.errorCode === undefined ? {} : { errorCode: entry.errorCode }),
  };
  if (error.code === 'version_mismatch') {
    body.resource = (error as AppError<'version_mismatch'>).params.resource;
  }
  if (error.code === 'validation_failed') {
    const { issues } = (error as AppError<'validation_failed'>).params;
    body.errors = issues.slice(0, MAX_LISTED_ERRORS).map((item) => {
      const code = (BODY_CONSTRAINT_CODES as Record<string, string | undefined>)[item.kind];
      return { memberName: item.member, message: issueMessage(item, locale), ...(code === undefined ? {} : { code }) };
    });
  }
  return body;
}
