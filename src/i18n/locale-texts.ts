import type { ProblemCode } from '../errors/catalogue.js';
import type { ProblemParams } from '../errors/problem-params.js';
import type { IssueKind, IssueParams } from '../errors/issue.js';
import type { HealthTexts } from '../domain/health-report.js';

/** What one language must say: a title and detail per problem, a message per issue kind. */
export interface LocaleTexts {
  problems: { [K in ProblemCode]: { title: string; detail: (p: ProblemParams[K]) => string | undefined } };
  issues: IssueMessages<IssueKind>;
  /** The health check's descriptions. */
  health: HealthTexts;
}

export type IssueMessages<K extends IssueKind> = { [P in K]: (p: IssueParams[P]) => string };
