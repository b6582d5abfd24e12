/** A separator between pieces of a filter value. */
export type Separator = ';' | ':' | ',';

/** A run of text between separators; quoted pieces hold their unescaped content. */
export interface Piece {
  /** The separator before the piece; null for the first piece of the value. */
  before: Separator | null;
  start: number;
  end: number;
  quoted: boolean;
  content: string;
  /** An opening `'` without a closing one, or text right after the closing `'`. */
  badQuote: boolean;
}

const isSeparator = (ch: string | undefined): ch is Separator => ch === ';' || ch === ':' || ch === ',';

/** Reads a quoted piece from `start` (at the `'`); returns its content and where it ends. */
function readQuoted(value: string, start: number): { content: string; end: number; ok: boolean } {
  let content = '';
  let i = start + 1;
  for (;;) {
    const close = value.indexOf("'", i);
    if (close < 0) return { content: content + value.slice(i), end: value.length, ok: false };
    content += value.slice(i, close);
    if (value[close + 1] !== "'") return { content, end: close + 1, ok: true };
    content += "'";
    i = close + 2;
  }
}

function nextSeparator(value: string, from: number): number {
  for (let i = from; i < value.length; i++) if (isSeparator(value[i])) return i;
  return value.length;
}

/**
 * Splits a filter value into pieces at `;`, `:` and `,`. A `'` at the start of a piece opens a quoted
 * piece that may hold separators, `''` being a quote inside; anywhere else `'` is an ordinary character.
 * Which separators matter (operations, arguments, list items) is the parser's business.
 */
export function lex(value: string): Piece[] {
  const pieces: Piece[] = [];
  let before: Separator | null = null;
  let start = 0;
  for (;;) {
    let end: number;
    let quoted = false;
    let badQuote = false;
    let content: string;
    if (value[start] === "'") {
      const q = readQuoted(value, start);
      quoted = true;
      end = q.end;
      content = q.content;
      badQuote = !q.ok;
      if (q.ok && end < value.length && !isSeparator(value[end])) {
        badQuote = true;
        end = nextSeparator(value, end);
      }
    } else {
      end = nextSeparator(value, start);
      content = value.slice(start, end);
    }
    pieces.push({ before, start, end, quoted, content, badQuote });
    const sep = value[end];
    if (!isSeparator(sep)) return pieces;
    before = sep;
    start = end + 1;
  }
}
