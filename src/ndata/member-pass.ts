import type { Condition } from './ast.js';
import { FILTER_MEMBERS, type FilterMember } from './members.js';
import { OPERATORS, type Domain, type OperatorSpec } from './operators.js';
import { keepInRange, keepRows, type RowPass } from './row-pass.js';
import type { StoreView } from './store-view.js';
import type { Value } from './value-types.js';

type ValueTest = (x: Value | null) => boolean;

const specOf = (c: Condition<Value>): OperatorSpec => OPERATORS[c.op];

function valueTest(condition: Condition<Value>, domain: Domain<Value>): ValueTest {
  const spec = specOf(condition);
  const test = spec.test(condition.args, domain);
  const onNull = spec.onNull;
  return (x) => (x === null ? onNull : test(x));
}

/** Numeric members: the operators with a range intersect into one pass; the rest test values one by one. */
function numericPasses(member: FilterMember, conditions: readonly Condition<Value>[], view: StoreView, domain: Domain<Value>): RowPass[] {
  let [low, lowOpen, high, highOpen] = [-Infinity, false, Infinity, false];
  const passes: RowPass[] = [];
  const column = view.numbers(member);
  let ranged = false;
  for (const c of conditions) {
    const range = specOf(c).range?.(c.args);
    if (range === undefined) {
      const test = valueTest(c, domain);
      passes.push(keepRows((i) => test(Number.isNaN(column[i]) ? null : (column[i] ?? null))));
      continue;
    }
    ranged = true;
    const { low: from, high: to } = range;
    if (from !== undefined && (Number(from.value) > low || (Number(from.value) === low && from.open))) {
      [low, lowOpen] = [Number(from.value), from.open];
    }
    if (to !== undefined && (Number(to.value) < high || (Number(to.value) === high && to.open))) {
      [high, highOpen] = [Number(to.value), to.open];
    }
  }
  return ranged ? [keepInRange(column, low, lowOpen, high, highOpen), ...passes] : passes;
}

/**
 * The passes of one member's operations, all of which must hold. Numeric members become range checks;
 * `CardSerialNumber` holds when one and the same card satisfies every operation.
 */
export function memberPasses(member: FilterMember, conditions: readonly Condition<Value>[], view: StoreView, domain: Domain<Value>): RowPass[] {
  const spec = FILTER_MEMBERS[member];
  if (!spec.many && (spec.type === 'decimal' || spec.type === 'DateTime')) return numericPasses(member, conditions, view, domain);
  const tests = conditions.map((c) => ({ test: valueTest(c, domain), folded: specOf(c).folded === true }));
  if (!spec.many) {
    return tests.map(({ test, folded }) => {
      const values = view.values(member, folded);
      return keepRows((i) => test(values[i] ?? null));
    });
  }
  const plain = view.lists(member, false);
  const folded = tests.some((t) => t.folded) ? view.lists(member, true) : plain;
  return [
    keepRows((i) => {
      const cards = plain[i] ?? [];
      const foldedCards = folded[i] ?? [];
      return cards.some((x, k) => tests.every((t) => t.test(t.folded ? (foldedCards[k] ?? null) : x)));
    }),
  ];
}
