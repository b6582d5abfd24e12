import type { Item, RowMember } from './resource-row.js';

/** A member value that is text, else null (bodies are schema-checked, stored items are the engine's own). */
export function nullableText(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A member value that is a number, else null. */
export function nullableNumber(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/** A boolean member value, else `fallback` (its default). */
export function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** A list member value, else []. */
export function list<T = unknown>(value: unknown): readonly T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** NData filter members read straight from an item's top-level member of the same name (camelCase). */
export const filterOn = {
  text: (member: string, nullable = false): RowMember => ({
    type: 'string',
    nullable,
    value: (item: Item) => nullableText(item[member]),
  }),
  number: (member: string, nullable = false): RowMember => ({
    type: 'decimal',
    nullable,
    value: (item: Item) => nullableNumber(item[member]),
  }),
  bool: (member: string): RowMember => ({
    type: 'bool',
    nullable: false,
    value: (item: Item) => (typeof item[member] === 'boolean' ? (item[member] as boolean) : null),
  }),
};
