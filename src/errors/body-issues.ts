/** Issues found in a request body (JSON syntax, shape, Ajv keywords, uniqueness). */
export interface BodyIssueParams {
  'body.malformed_json': { position: number | null };
  'body.not_utf8': Record<string, never>;
  'body.not_object': { actual: string };
  'body.required': Record<string, never>;
  'body.type': { expected: string };
  'body.pattern': { pattern: string };
  'body.format': { format: 'date-time' | 'date' };
  'body.too_long': { limit: number };
  'body.too_short': { limit: number };
  'body.too_many_items': { limit: number };
  'body.too_many_members': { limit: number };
  'body.range': { limit: number; comparison: '<=' | '>=' | '<' | '>' };
  'body.enum': { allowed: readonly unknown[] };
  'body.invalid': Record<string, never>;
  'body.unknown_member': Record<string, never>;
  'body.unique': { value: string };
  'body.too_deep': { limit: number };
}

/** The issues that carry a PORTOS validation constraint code. */
export const BODY_CONSTRAINT_CODES: Partial<Record<keyof BodyIssueParams, '1' | '2'>> = {
  'body.required': '1',
  'body.unique': '2',
};
