import { issue, type Issue } from '../errors/issue.js';
import type { ControlIssueParams } from './control-issues.js';

type Expected = ControlIssueParams['control.type']['expected'];

/** `scope` + `share` → `scope.share`; the body itself is `$`. */
export function memberAt(base: string, name: string): string {
  return base === '' || base === '$' ? name : `${base}.${name}`;
}

/**
 * Reads the members of one control body object, collecting every problem (unknown members included) instead of
 * stopping at the first. Each getter returns `undefined` when the member is absent or invalid.
 */
export class ControlInput {
  readonly issues: Issue[];
  readonly #value: Record<string, unknown>;
  readonly #at: string;

  constructor(value: Record<string, unknown>, at: string, issues: Issue[], allowed: readonly string[]) {
    this.#value = value;
    this.#at = at;
    this.issues = issues;
    for (const name of Object.keys(value)) {
      if (!allowed.includes(name)) issues.push(issue('control.unknown_member', memberAt(at, name), { allowed }));
    }
  }

  /** `value` as an object, or `undefined` with a type issue at `at`. */
  static object(value: unknown, at: string, issues: Issue[]): Record<string, unknown> | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    issues.push(issue('control.type', at, { expected: 'object' }));
    return undefined;
  }

  has(name: string): boolean {
    return this.#value[name] !== undefined;
  }

  raw(name: string): unknown {
    return this.#value[name];
  }

  at(name: string): string {
    return memberAt(this.#at, name);
  }

  string(name: string, required = false): string | undefined {
    return this.#typed(name, 'string', required, (v) => typeof v === 'string') as string | undefined;
  }

  boolean(name: string): boolean | undefined {
    return this.#typed(name, 'boolean', false, (v) => typeof v === 'boolean') as boolean | undefined;
  }

  /** An integer in `[min, max]`. */
  integer(name: string, min: number, max: number, required = false): number | undefined {
    const value = this.#typed(name, 'integer', required, Number.isSafeInteger) as number | undefined;
    return value === undefined ? undefined : this.#ranged(name, value, min, max, false);
  }

  /** A number in `[min, max]`, or `(min, max]` with `exclusiveMin`. */
  number(name: string, min: number, max: number, exclusiveMin = false): number | undefined {
    const value = this.#typed(name, 'number', false, (v) => typeof v === 'number' && Number.isFinite(v)) as
      | number
      | undefined;
    return value === undefined ? undefined : this.#ranged(name, value, min, max, exclusiveMin);
  }

  /** One of `allowed` (a vocabulary table's keys), compared exactly. */
  oneOf<T extends string>(name: string, allowed: readonly T[], required = false): T | undefined {
    const value = this.string(name, required);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.issues.push(issue('control.one_of', this.at(name), { value, allowed }));
    return undefined;
  }

  conflict(name: string, other: string): void {
    this.issues.push(issue('control.conflict', this.at(name), { with: other }));
  }

  #typed(name: string, expected: Expected, required: boolean, test: (v: unknown) => boolean): unknown {
    const value = this.#value[name];
    if (value === undefined) {
      if (required) this.issues.push(issue('control.required', this.at(name), {}));
      return undefined;
    }
    if (test(value)) return value;
    this.issues.push(issue('control.type', this.at(name), { expected }));
    return undefined;
  }

  #ranged(name: string, value: number, min: number, max: number, exclusiveMin: boolean): number | undefined {
    if ((exclusiveMin ? value > min : value >= min) && value <= max) return value;
    this.issues.push(issue('control.range', this.at(name), { min, max, exclusiveMin }));
    return undefined;
  }
}
