import type { ValueType } from './value-types.js';

/** How values compare and fold for case-insensitive tests; built per run (string order is configurable). */
export interface Domain<V> {
  compare(a: V, b: V): number;
  fold(a: V): string;
}

/** How many arguments an operator takes: none, exactly one, two (`:`-separated), or a `,`-separated list. */
export type Arity = 'none' | 'one' | 'two' | 'list';

/** A test of one non-null value, prepared once per query from the parsed arguments. */
type MakeTest = <V>(args: readonly V[], domain: Domain<V>) => (x: V) => boolean;

/** One end of a range; `open` excludes the value itself. */
export interface Bound<V> {
  value: V;
  open: boolean;
}

/** The values an ordered operator accepts, as an interval (missing end = unbounded). */
export interface Range<V> {
  low?: Bound<V>;
  high?: Bound<V>;
}

export interface OperatorSpec {
  arity: Arity;
  /** Value types the operator applies to. */
  types: readonly ValueType[];
  /** Applies only to nullable members (`null`, `notnull`). */
  nullableOnly?: true;
  /** The result for a null value (a customer's value, or a card's serial number). */
  onNull: boolean;
  /** The test receives values already folded by `Domain.fold` (case-insensitive operators). */
  folded?: true;
  /** The same test as an interval of the order; numeric columns evaluate it as two comparisons. */
  range?: <V>(args: readonly V[]) => Range<V>;
  test: MakeTest;
}

const ALL = ['decimal', 'bool', 'DateTime', 'string'] as const satisfies readonly ValueType[];
const ORDERED = ['decimal', 'DateTime', 'string'] as const satisfies readonly ValueType[];
const TEXT = ['string'] as const satisfies readonly ValueType[];

function nth<V>(args: readonly V[], index: number): V {
  const value = args[index];
  if (value === undefined) throw new RangeError(`operator argument ${index + 1} missing after parsing`);
  return value;
}

function ordered(accept: (sign: number) => boolean): MakeTest {
  return (args, d) => {
    const a = nth(args, 0);
    return (x) => accept(d.compare(x, a));
  };
}

function equalTo(want: boolean): MakeTest {
  return (args) => {
    const a = nth(args, 0);
    return (x) => (x === a) === want;
  };
}

function memberOf(want: boolean): MakeTest {
  return (args) => {
    const set = new Set(args);
    return (x) => set.has(x) === want;
  };
}

/** A case-insensitive string test; values arrive folded, the argument is folded here once. */
function folded(accept: (x: string, needle: string) => boolean): MakeTest {
  return (args, d) => {
    const needle = d.fold(nth(args, 0));
    return (x) => accept(String(x), needle);
  };
}

const between: MakeTest = (args, d) => {
  const low = nth(args, 0);
  const high = nth(args, 1);
  return (x) => d.compare(x, low) >= 0 && d.compare(x, high) <= 0;
};

const never: MakeTest = () => () => false;
const always: MakeTest = () => () => true;

const at = <V>(args: readonly V[], i: number, open: boolean): Bound<V> => ({ value: nth(args, i), open });

/**
 * THE operator table (docs/decisions.md#ndata). Names are matched case-insensitively.
 * A null value satisfies only `neq`, `nin` and `null` (as MongoDB and C# lifted comparisons do).
 */
export const OPERATORS = {
  eq: {
    arity: 'one',
    types: ALL,
    onNull: false,
    range: (a) => ({ low: at(a, 0, false), high: at(a, 0, false) }),
    test: equalTo(true),
  },
  neq: { arity: 'one', types: ALL, onNull: true, test: equalTo(false) },
  gt: {
    arity: 'one',
    types: ORDERED,
    onNull: false,
    range: (a) => ({ low: at(a, 0, true) }),
    test: ordered((s) => s > 0),
  },
  gte: {
    arity: 'one',
    types: ORDERED,
    onNull: false,
    range: (a) => ({ low: at(a, 0, false) }),
    test: ordered((s) => s >= 0),
  },
  lt: {
    arity: 'one',
    types: ORDERED,
    onNull: false,
    range: (a) => ({ high: at(a, 0, true) }),
    test: ordered((s) => s < 0),
  },
  lte: {
    arity: 'one',
    types: ORDERED,
    onNull: false,
    range: (a) => ({ high: at(a, 0, false) }),
    test: ordered((s) => s <= 0),
  },
  in: { arity: 'list', types: ALL, onNull: false, test: memberOf(true) },
  nin: { arity: 'list', types: ALL, onNull: true, test: memberOf(false) },
  contains: { arity: 'one', types: TEXT, onNull: false, folded: true, test: folded((x, n) => x.includes(n)) },
  startswith: { arity: 'one', types: TEXT, onNull: false, folded: true, test: folded((x, n) => x.startsWith(n)) },
  endswith: { arity: 'one', types: TEXT, onNull: false, folded: true, test: folded((x, n) => x.endsWith(n)) },
  null: { arity: 'none', types: ALL, nullableOnly: true, onNull: true, test: never },
  notnull: { arity: 'none', types: ALL, nullableOnly: true, onNull: false, test: always },
  between: {
    arity: 'two',
    types: ORDERED,
    onNull: false,
    range: (a) => ({ low: at(a, 0, false), high: at(a, 1, false) }),
    test: between,
  },
} as const satisfies Record<string, OperatorSpec>;

export type Operator = keyof typeof OPERATORS;

export const OPERATOR_NAMES = Object.keys(OPERATORS) as Operator[];

/** The operator named `name` in any case, or undefined. */
export function operatorNamed(name: string): Operator | undefined {
  const lower = name.toLowerCase();
  return Object.hasOwn(OPERATORS, lower) ? (lower as Operator) : undefined;
}

/** Whether `op` applies to a member of this type and nullability. */
export function operatorApplies(op: Operator, type: ValueType, nullable: boolean): boolean {
  const spec: OperatorSpec = OPERATORS[op];
  return spec.types.includes(type) && (nullable || spec.nullableOnly !== true);
}

/** The operators a member of this type and nullability accepts, in table order. */
export function operatorsFor(type: ValueType, nullable: boolean): Operator[] {
  return OPERATOR_NAMES.filter((op) => operatorApplies(op, type, nullable));
}
