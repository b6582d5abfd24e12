/**
 * ASP.NET binds JSON member names case-insensitively; the mock does the same before validating.
 * The known members come from the spec's write schema, so the shape is declared once (in `spec/`).
 */

/** A JSON Schema, as far as member matching needs it. */
export interface MemberSchema {
  type?: string | string[];
  properties?: Record<string, MemberSchema>;
  items?: MemberSchema;
  allOf?: MemberSchema[];
  $ref?: string;
}

export interface Canonicalized {
  value: unknown;
  /** JSON paths (`company.nmae`, `cards[0].x`) of members the schema does not know. */
  unknown: string[];
}

type Resolve = (schema: MemberSchema) => MemberSchema;

function childPath(parent: string, member: string): string {
  return parent === '' ? member : `${parent}.${member}`;
}

/** The properties a schema declares itself and through `allOf`. */
function propertiesOf(schema: MemberSchema, resolve: Resolve): Record<string, MemberSchema> | undefined {
  const parts = (schema.allOf ?? []).map((part) => propertiesOf(resolve(part), resolve));
  if (schema.properties === undefined && parts.every((part) => part === undefined)) return undefined;
  return Object.assign({}, ...parts, schema.properties) as Record<string, MemberSchema>;
}

function walk(value: unknown, schema: MemberSchema, path: string, resolve: Resolve, unknown: string[]): unknown {
  const resolved = resolve(schema);
  if (Array.isArray(value)) {
    const items = resolved.items;
    return items === undefined ? value : value.map((item, i) => walk(item, items, `${path}[${i}]`, resolve, unknown));
  }
  const properties = propertiesOf(resolved, resolve);
  if (typeof value !== 'object' || value === null || properties === undefined) return value;
  const byLowerName = new Map(Object.keys(properties).map((name) => [name.toLowerCase(), name]));
  const entries: [string, unknown][] = [];
  for (const [sent, member] of Object.entries(value)) {
    const name = byLowerName.get(sent.toLowerCase());
    if (name === undefined) {
      unknown.push(childPath(path, sent));
      continue;
    }
    entries.push([name, walk(member, properties[name] as MemberSchema, childPath(path, name), resolve, unknown)]);
  }
  // Object.fromEntries defines own data properties, so a `__proto__` member stays data, never a prototype.
  return Object.fromEntries(entries);
}

/** Renames members to the schema's spelling (a later duplicate wins, as in System.Text.Json) and lists unknown ones. */
export function canonicalizeMembers(value: unknown, schema: MemberSchema, resolve: Resolve): Canonicalized {
  const unknown: string[] = [];
  return { value: walk(value, schema, '', resolve, unknown), unknown };
}
