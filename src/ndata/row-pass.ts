/**
 * A filter step over a selection vector: keeps, in place and in order, the first `m` rows of `rows` that
 * pass, and returns how many were kept. Steps run one after another over ever fewer rows.
 */
export type RowPass = (rows: Int32Array, m: number) => number;

/** The pass that keeps the rows satisfying `test`. */
export function keepRows(test: (i: number) => boolean): RowPass {
  return (rows, m) => {
    let kept = 0;
    for (let j = 0; j < m; j++) {
      const i = rows[j] ?? 0;
      if (test(i)) rows[kept++] = i;
    }
    return kept;
  };
}

/** A pass keeping rows whose number lies in [low, high] (ends open as flagged); NaN (null) never does. */
export function keepInRange(column: Float64Array, low: number, lowOpen: boolean, high: number, highOpen: boolean): RowPass {
  return (rows, m) => {
    let kept = 0;
    for (let j = 0; j < m; j++) {
      const i = rows[j] ?? 0;
      const v = column[i] ?? Number.NaN;
      if ((lowOpen ? v > low : v >= low) && (highOpen ? v < high : v <= high)) rows[kept++] = i;
    }
    return kept;
  };
}
