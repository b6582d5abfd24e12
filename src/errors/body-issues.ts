/**
 * The catalogue's model rules beyond what a schema says (docs/decisions.md#catalogue-models), one text each in
 * the locale tables.
 */
export const BODY_RULES = [
  'domesticRateIsOne',
  'oneDomestic',
  'domesticStays',
  'containerVat',
  'receiptOnlyOnRecipe',
  'minimumAboveMaximum',
] as const;

export type BodyRule = (typeof BODY_RULES)[number];

/** Issues found in a request body (JSON syntax, shape, Ajv keywords, uniqueness, model rules, references). */
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
  /** A model rule of the catalogue is broken. */
  'body.rule': { rule: BodyRule };
  /** The member names an item of `resource` that does not exist (`value`: what it names). */
  'body.unknown_reference': { resource: string; value: string };
  /** The item cannot be deleted: `count` items of `by` still name it. */
  'body.in_use': { by: string; count: number };
}

/** The issues that carry a PORTOS validation constraint code. */
export const BODY_CONSTRAINT_CODES: Partial<Record<keyof BodyIssueParams, '1' | '2'>> = {
  'body.required': '1',
  'body.unique': '2',
};
