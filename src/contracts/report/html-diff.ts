import { renderDiff } from '../diff.js';
import { html, type Html } from '../../html/markup.js';

/** One row of a side-by-side diff: a line on both sides, a changed pair, a line on one side, or elided lines. */
export interface DiffRow {
  kind: 'same' | 'changed' | 'expected-only' | 'actual-only' | 'gap';
  expected: string | null;
  actual: string | null;
}

/** A unified diff (`  same`, `- expected`, `+ actual`, `  ...`) as rows: each run of changes pairs up line by line. */
export function sideBySide(unified: readonly string[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let expected: string[] = [];
  let actual: string[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      const e = expected[i] ?? null;
      const a = actual[i] ?? null;
      rows.push({
        kind: e === null ? 'actual-only' : a === null ? 'expected-only' : 'changed',
        expected: e,
        actual: a,
      });
    }
    expected = [];
    actual = [];
  };
  for (const line of unified) {
    const text = line.slice(2);
    if (line.startsWith('- ')) expected.push(text);
    else if (line.startsWith('+ ')) actual.push(text);
    else {
      flush();
      rows.push(
        text.trim() === '...'
          ? { kind: 'gap', expected: null, actual: null }
          : { kind: 'same', expected: text, actual: text },
      );
    }
  }
  flush();
  return rows;
}

const json = (value: unknown) =>
  value === undefined ? ['(missing)'] : (JSON.stringify(value, null, 2) ?? String(value)).split('\n');

/**
 * Expected vs actual as rows: a structural diff for objects and arrays, else the two values side by side. With no
 * expected value (a schema error) the left side says what the spec requires.
 */
export function valueRows(expected: unknown, actual: unknown, requirement: string): DiffRow[] {
  const structural = expected === undefined ? [] : renderDiff(expected, actual);
  if (structural.length > 0) return sideBySide(structural);
  const left = expected === undefined ? [requirement] : json(expected);
  const right = json(actual);
  return sideBySide([...left.map((l) => `- ${l}`), ...right.map((l) => `+ ${l}`)]);
}

/** A two-column table: expected on the left, actual on the right, changed lines marked on each side. */
export function diffTable(rows: readonly DiffRow[], caption?: string): Html {
  const cell = (text: string | null, side: 'expected' | 'actual', kind: DiffRow['kind']) => {
    const marked = kind === 'changed' || (side === 'expected' ? kind === 'expected-only' : kind === 'actual-only');
    return html`<td class="${marked ? `${side} changed` : side}">${text ?? ''}</td>`;
  };
  return html`<table class="diff">
${caption === undefined ? '' : html`<caption>${caption}</caption>`}
<thead><tr><th>Expected</th><th>Actual</th></tr></thead>
<tbody>${rows.map((r) => (r.kind === 'gap' ? html`<tr class="gap"><td>⋯</td><td>⋯</td></tr>` : html`<tr>${cell(r.expected, 'expected', r.kind)}${cell(r.actual, 'actual', r.kind)}</tr>`))}</tbody>
</table>`;
}
