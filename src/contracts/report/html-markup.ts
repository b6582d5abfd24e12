import { xmlEscape } from './junit.js';

/** Markup that is already safe: built by `h`, or trusted by `raw`. */
export class Markup {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** What `h` accepts between its parts: markup as is, text escaped, lists joined, nothing for null/false. */
export type Part = Markup | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Markup) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  return xmlEscape(String(part));
}

/** A template tag for HTML that escapes every interpolated value unless it is `Markup`. */
export function h(strings: TemplateStringsArray, ...values: readonly Part[]): Markup {
  return new Markup(strings.reduce((out, text, i) => out + text + (i < values.length ? render(values[i]) : ''), ''));
}

/** Trusted markup (the report's own stylesheet and script), inserted as it is. */
export function raw(text: string): Markup {
  return new Markup(text);
}
