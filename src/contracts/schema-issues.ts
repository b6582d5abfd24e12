import type { ErrorObject } from 'ajv/dist/2020.js';

/** One schema violation: a path of segments (for positions) and a sentence. */
export interface SchemaIssue {
  segments: (string | number)[];
  message: string;
}

function segmentsOf(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function sentence(error: ErrorObject): { extra?: string; message: string } {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { extra: String(p['additionalProperty']), message: `unknown member '${String(p['additionalProperty'])}'` };
    case 'required':
      return { message: `missing member '${String(p['missingProperty'])}'` };
    case 'enum':
      return {
        message: `must be one of ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { message: `must be ${JSON.stringify(p['allowedValue'])}` };
    case 'propertyNames':
      return { extra: String(p['propertyName']), message: `invalid name '${String(p['propertyName'])}'` };
    default:
      return { message: error.message ?? error.keyword };
  }
}

const isPrefix = (a: string, b: string) => b !== a && (a === '' || b.startsWith(`${a}/`));

/**
 * Ajv errors → one readable issue per problem. Errors raised inside an `anyOf` branch are dropped when a deeper
 * error explains the same value (so `{ $lenght: 1 }` reports the unknown member, not "must be string"); the type
 * errors of the branches of one value merge into one sentence.
 */
export function schemaIssues(errors: readonly ErrorObject[]): SchemaIssue[] {
  const real = errors
    .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if')
    .map((e) => {
      const { extra, message } = sentence(e);
      const segments = [...segmentsOf(e.instancePath), ...(extra === undefined ? [] : [extra])];
      return { segments, message, pointer: segments.join('/'), inBranch: e.schemaPath.includes('/anyOf/') };
    });
  const kept = real.filter((e) => !(e.inBranch && real.some((o) => isPrefix(e.pointer, o.pointer))));
  const merged = new Map<string, { segments: (string | number)[]; messages: string[] }>();
  for (const { segments, message, pointer } of kept) {
    const entry = merged.get(pointer) ?? { segments, messages: [] };
    if (!entry.messages.includes(message)) entry.messages.push(message);
    merged.set(pointer, entry);
  }
  return [...merged.values()].map(({ segments, messages }) => ({ segments, message: messages.join(', or ') }));
}

/** `scenarios[2].steps[0].expect` from segments. */
export function formatSegments(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(s) ? (out === '' ? s : `.${s}`) : `[${JSON.stringify(s)}]`;
  }
  return out === '' ? '(file)' : out;
}
