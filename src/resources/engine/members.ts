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

/** Anything NData can filter: an item of a row, or an object of another member table (`/users`). */
type Members = Readonly<Record<string, unknown>>;

/** NData filter members read straight from an item's top-level member of the same name (camelCase). */
export const filterOn = {
  text: <T extends Members = Item>(member: string, nullable = false): RowMember<T> => ({
    type: 'string',
    nullable,
    value: (item: T) => nullableText(item[member]),
  }),
  number: <T extends Members = Item>(member: string, nullable = false): RowMember<T> => ({
    type: 'decimal',
    nullable,
    value: (item: T) => nullableNumber(item[member]),
  }),
  bool: <T extends Members = Item>(member: string): RowMember<T> => ({
    type: 'bool',
    nullable: false,
    value: (item: T) => (typeof item[member] === 'boolean' ? (item[member] as boolean) : null),
  }),
};
