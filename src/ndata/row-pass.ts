/**
 * A filter step over a selection vector: keeps, in place and in order, the first `m` rows of `rows` that
 * pass, and returns how many were kept. Steps run one after another over ever fewer rows. The loops
 * write every row and advance by 0 or 1, which avoids a mispredicted branch per row.
 */
export type RowPass = (rows: Int32Array, m: number) => number;

/** The pass that keeps the rows satisfying `test`. */
export function keepRows(test: (i: number) => boolean): RowPass {
  return (rows, m) => {
    let kept = 0;
    for (let j = 0; j < m; j++) {
      const i = rows[j] ?? 0;
      rows[kept] = i;
      kept += +test(i);
    }
    return kept;
  };
}

/** A pass keeping rows whose number lies in [low, high]; NaN (null) never does. */
export function keepBetween(column: Float64Array, low: number, high: number): RowPass {
  return (rows, m) => {
    let kept = 0;
    for (let j = 0; j < m; j++) {
      const i = rows[j] ?? 0;
      const v = column[i] ?? Number.NaN;
      rows[kept] = i;
      kept += +(v >= low) & +(v <= high);
    }
    return kept;
  };
}

const word = new Float64Array(1);
const bits = new BigInt64Array(word.buffer);

/** The smallest double above `x` (so `v > x` ⇔ `v >= nextUp(x)`). */
export function nextUp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  word[0] = x;
  bits[0] = (bits[0] ?? 0n) + (x > 0 ? 1n : -1n);
  return word[0] ?? x;
}

/** The largest double below `x` (so `v < x` ⇔ `v <= nextDown(x)`). */
export function nextDown(x: number): number {
  return -nextUp(-x);
}
