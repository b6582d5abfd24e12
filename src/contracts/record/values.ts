/**
 * The values a recording has seen that a replay cannot repeat literally: what the server generated (captured as
 * `${id}`, `${token}`...) and what must be unique per run (`cust-7` → `cust-7-${uid}`). Later requests and
 * expectations refer to them by template.
 */
export class KnownValues {
  readonly #templates = new Map<string, string>();
  readonly #counts = new Map<string, number>();

  /** A fresh capture name: `id`, `id2`, `id3`... */
  newName(base: string): string {
    const n = (this.#counts.get(base) ?? 0) + 1;
    this.#counts.set(base, n);
    return n === 1 ? base : `${base}${n}`;
  }

  /** The template for a value, if it is known. */
  template(value: string): string | undefined {
    return this.#templates.get(value);
  }

  /** Registers a per-run value: the original text with `-${uid}` appended (ids stay within 64 characters). */
  perRun(value: string): string {
    const known = this.#templates.get(value);
    if (known !== undefined) return known;
    const template = `${value.slice(0, 48)}-\${uid}`;
    this.#templates.set(value, template);
    return template;
  }

  /** A value captured as `${name}` (usable in the same step's expectations and every later step). */
  capture(value: string, name: string): void {
    this.#templates.set(value, `\${${name}}`);
  }

  /** Replaces every known value of at least 6 characters inside a text (ids in paths, details, Location). */
  substitute(text: string): string {
    const exact = this.#templates.get(text);
    if (exact !== undefined) return exact;
    let out = text;
    const values = [...this.#templates.keys()].filter((v) => v.length >= 6).sort((a, b) => b.length - a.length);
    for (const value of values)
      if (out.includes(value)) out = out.split(value).join(this.#templates.get(value) ?? value);
    return out;
  }
}
