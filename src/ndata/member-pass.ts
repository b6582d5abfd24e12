import type { Condition } from './ast.js';
import { fold } from './domain.js';
import { FILTER_MEMBERS, type FilterMember } from './members.js';
import { OPERATORS, type Domain, type OperatorSpec } from './operators.js';
import { keepBetween, keepRows, nextDown, nextUp, type RowPass } from './row-pass.js';
import type { StoreView } from './store-view.js';
import type { Value } from './value-types.js';

type ValueTest = (x: Value | null) => boolean;

const specOf = (c: Condition<Value>): OperatorSpec => OPERATORS[c.op];

export function valueTest(condition: Condition<Value>, domain: Domain<Value>): ValueTest {
  const spec = specOf(condition);
  const test = spec.test(condition.args, domain);
  const onNull = spec.onNull;
  return (x) => (x === null ? onNull : test(x));
}

/** The `low ≤ v ≤ high` a ranged operation means for a number (open ends become the next double), else undefined. */
function numericBounds(c: Condition<Value>): { low: number; high: number } | undefined {
  const range = specOf(c).range?.(c.args);
  if (range === undefined) return undefined;
  let [low, high] = [-Infinity, Infinity];
  if (range.low !== undefined) {
    const v = Number(range.low.value);
    low = range.low.open ? nextUp(v) : v;
  }
  if (range.high !== undefined) {
    const v = Number(range.high.value);
    high = range.high.open ? nextDown(v) : v;
  }
  return { low, high };
}

/** The one `low ≤ v ≤ high` every operation intersects into, or undefined when one of them is not a range. */
export function numericRange(conditions: readonly Condition<Value>[]): { low: number; high: number } | undefined {
  let [low, high] = [-Infinity, Infinity];
  for (const c of conditions) {
    const bounds = numericBounds(c);
    if (bounds === undefined) return undefined;
    low = Math.max(low, bounds.low);
    high = Math.min(high, bounds.high);
  }
  return { low, high };
}

/**
 * Members held as numbers (decimal, DateTime, bool as 0/1): the operators with a range intersect into one
 * `low ≤ v ≤ high` pass (open ends become the next double); the others test decoded values one by one.
 */
function numericPasses(
  member: FilterMember,
  conditions: readonly Condition<Value>[],
  view: StoreView,
  domain: Domain<Value>,
): RowPass[] {
  const column = view.numbers(member);
  const decode = FILTER_MEMBERS[member].type === 'bool' ? (v: number): Value => v === 1 : (v: number): Value => v;
  const passes: RowPass[] = [];
  let [low, high, ranged] = [-Infinity, Infinity, false];
  for (const c of conditions) {
    const bounds = numericBounds(c);
    if (bounds === undefined) {
      const test = valueTest(c, domain);
      passes.push(
        keepRows((i) => {
          const v = column[i] ?? Number.NaN;
          return test(Number.isNaN(v) ? null : decode(v));
        }),
      );
      continue;
    }
    ranged = true;
    low = Math.max(low, bounds.low);
    high = Math.min(high, bounds.high);
  }
  return ranged ? [keepBetween(column, low, high), ...passes] : passes;
}

/**
 * The passes of one member's operations, all of which must hold. Numbers and booleans become range checks;
 * `CardSerialNumber` holds when one and the same card satisfies every operation.
 */
export function memberPasses(
  member: FilterMember,
  conditions: readonly Condition<Value>[],
  view: StoreView,
  domain: Domain<Value>,
  fewRows = false,
): RowPass[] {
  const spec = FILTER_MEMBERS[member];
  if (!spec.many && spec.type !== 'string') return numericPasses(member, conditions, view, domain);
  const tests = conditions.map((c) => ({ test: valueTest(c, domain), folded: specOf(c).folded === true }));
  if (!spec.many) {
    return tests.map(({ test, folded }) => {
      const values = view.values(member, folded);
      return keepRows((i) => test(values[i] ?? null));
    });
  }
  if (fewRows) {
    // A few candidate rows (a card picked by its serial): their cards are read as they are, no list is built.
    return [
      keepRows((i) => {
        const customer = view.items[i];
        const cards = customer === undefined ? [] : spec.values(customer);
        return cards.some((x) => tests.every((t) => t.test(t.folded && typeof x === 'string' ? fold(x) : x)));
      }),
    ];
  }
  // Only the lists the tests read are built (each is a list per customer: at a million customers, tens of MB).
  const plain = tests.every((t) => t.folded) ? [] : view.lists(member, false);
  const folded = tests.some((t) => t.folded) ? view.lists(member, true) : plain;
  return [
    keepRows((i) => {
      const foldedCards = folded[i] ?? [];
      const cards = plain[i] ?? foldedCards;
      return cards.some((x, k) => tests.every((t) => t.test(t.folded ? (foldedCards[k] ?? null) : x)));
    }),
  ];
}
