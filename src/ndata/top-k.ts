/** Orders two rows; ties must be broken (by row index) so the order is total. */
export type RowOrder = (a: number, b: number) => number;

/** A max-heap of rows under `order`, at most `capacity` long: its root is the worst row kept. */
class BoundedHeap {
  readonly rows: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    readonly order: RowOrder,
  ) {
    this.rows = new Int32Array(capacity);
  }

  offer(row: number): void {
    const { rows, order } = this;
    if (this.size < rows.length) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const above = rows[parent] ?? 0;
        if (order(row, above) <= 0) break;
        rows[i] = above;
        i = parent;
      }
      rows[i] = row;
    } else if (this.size > 0 && order(row, rows[0] ?? 0) < 0) {
      this.#replaceRoot(row);
    }
  }

  #replaceRoot(row: number): void {
    const { rows, order, size } = this;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      let child = left;
      let childRow = rows[left] ?? 0;
      const rightRow = rows[left + 1] ?? 0;
      if (left + 1 < size && order(rightRow, childRow) > 0) {
        child = left + 1;
        childRow = rightRow;
      }
      if (order(childRow, row) <= 0) break;
      rows[i] = childRow;
      i = child;
    }
    rows[i] = row;
  }
}

/** The first `k` rows under `order`, sorted: O(m log k) instead of sorting all m rows. */
export function topK(rows: Int32Array, k: number, order: RowOrder): Int32Array {
  const heap = new BoundedHeap(Math.min(k, rows.length), order);
  // An indexed loop: for…of over a typed array is several times slower in V8.
  for (let i = 0; i < rows.length; i++) heap.offer(rows[i] ?? 0);
  return heap.rows.subarray(0, heap.size).sort(order);
}
