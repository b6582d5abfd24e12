import { LineCounter, parseDocument, type Document } from 'yaml';

/** A parsed scenario file that can say where a path is (line and column, 1-based). */
export interface YamlSource {
  data: unknown;
  errors: { message: string; line?: number; column?: number }[];
  position(segments: readonly (string | number)[]): { line: number; column: number } | undefined;
}

function offsetOf(doc: Document, segments: readonly (string | number)[]): number | undefined {
  // Walk up until the path exists: a missing member is reported at its parent.
  for (let n = segments.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    if (typeof node === 'object' && node !== null && 'range' in node) {
      const range = (node as { range?: readonly number[] | null }).range;
      if (range?.[0] !== undefined) return range[0];
    }
  }
  return undefined;
}

/** Parses YAML (JSON is YAML too), keeping positions for issues. */
export function parseYamlSource(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const errors = doc.errors.map((e) => {
    const pos = e.linePos?.[0];
    return {
      message: e.message.split('\n')[0] ?? e.message,
      ...(pos === undefined ? {} : { line: pos.line, column: pos.col }),
    };
  });
  return {
    data: errors.length === 0 ? (doc.toJS({ maxAliasCount: 1000 }) as unknown) : undefined,
    errors,
    position(segments) {
      const offset = offsetOf(doc, segments);
      if (offset === undefined) return undefined;
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    },
  };
}
