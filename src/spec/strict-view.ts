/**
 * What an `x-strict-<keyword>` annotation does to `<keyword>` in the strict view: `add` joins its members to the
 * documented list, `replace` puts its value in place of the documented one (to narrow it).
 */
export const STRICT_KEYWORDS = {
  required: 'add',
  type: 'replace',
  enum: 'replace',
  format: 'replace',
  minimum: 'replace',
  maximum: 'replace',
} as const satisfies Record<string, 'add' | 'replace'>;

const PREFIX = 'x-strict-';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStrictKeyword(keyword: string): keyword is keyof typeof STRICT_KEYWORDS {
  return Object.hasOwn(STRICT_KEYWORDS, keyword);
}

function strictNode(node: unknown, at: string): unknown {
  if (Array.isArray(node)) return node.map((item, i) => strictNode(item, `${at}/${i}`));
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  const annotations: [keyof typeof STRICT_KEYWORDS, unknown][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith(PREFIX)) {
      const keyword = key.slice(PREFIX.length);
      if (!isStrictKeyword(keyword)) throw new Error(`${at}: unknown annotation ${key}`);
      annotations.push([keyword, value]);
    } else if (key === 'example' || key === 'examples') {
      out[key] = value; // Data, not schemas: a member named `properties` there is a value.
    } else if (key === 'properties' && isRecord(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, strictNode(schema, `${at}/properties/${name}`)]),
      );
    } else {
      out[key] = strictNode(value, `${at}/${key}`);
    }
  }
  for (const [keyword, value] of annotations) {
    if (STRICT_KEYWORDS[keyword] === 'add') {
      if (!Array.isArray(value)) throw new Error(`${at}: ${PREFIX}${keyword} must be a list`);
      const documented: unknown[] = Array.isArray(out[keyword]) ? (out[keyword] as unknown[]) : [];
      out[keyword] = [...documented, ...value.filter((member) => !documented.includes(member))];
    } else {
      out[keyword] = value;
    }
  }
  if (isRecord(out['properties']) && !Object.hasOwn(node, 'additionalProperties')) out['additionalProperties'] = false;
  return out;
}

/**
 * The STRICT view of an OpenAPI document written as the DOCUMENTED contract (a new document; the given one is not
 * changed): every object schema with `properties` and no `additionalProperties` of its own is closed
 * (`additionalProperties: false`), and each `x-strict-<keyword>` annotation is applied as `STRICT_KEYWORDS` says
 * (and removed). Free-form objects (no `properties`, or `additionalProperties` given) stay as they are.
 * @throws Error on an `x-strict-` annotation it does not know (a typo would loosen the strict view silently).
 */
export function strictView<T>(document: T): T {
  return strictNode(document, '#') as T;
}
