import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { strictView } from './strict-view.js';

const SPEC_ID = 'openapi.json';

/** Where a response's schema comes from: a validator, "no body documented", or why it is not in the spec. */
export type ResponseSchema =
  | { kind: 'schema'; validate: ValidateFunction; where: string }
  | { kind: 'no-body'; where: string }
  | { kind: 'undocumented'; message: string };

interface Template {
  template: string;
  segments: string[];
  literals: number;
}

function escapePointer(text: string): string {
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Which view of a spec to check against: as written (`documented`), or `strict` (see `strictView`). */
export type SpecViewName = 'documented' | 'strict';

export const SPEC_VIEW_NAMES: readonly SpecViewName[] = ['documented', 'strict'];

/**
 * An OpenAPI document with its own Ajv instance (draft 2020-12, as OpenAPI 3.1 uses): finds the response schema of
 * method + path + status + content type (path templates like `/customers/{id}`, literal segments preferred; HEAD
 * as GET) and compiles each schema once. The project's spec has one instance per view (`specIndex`); make others
 * only for other documents.
 */
export class OpenApiIndex {
  readonly #ajv: Ajv2020;
  readonly #templates: Template[];
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: Record<string, unknown>) {
    // strict: false lets Ajv pass over OpenAPI's own keywords (`example`, `readOnly`, `x-strict-*`, ...).
    this.#ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
    addFormats.default(this.#ajv);
    this.#ajv.addSchema({ ...document, $id: SPEC_ID });
    const paths = isRecord(document['paths']) ? document['paths'] : {};
    this.#templates = Object.keys(paths)
      .map((template) => {
        const segments = template.split('/').filter(Boolean);
        return { template, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  /** Reads a YAML or JSON OpenAPI file, as written or in its strict view. */
  static load(file: string, view: SpecViewName = 'documented'): OpenApiIndex {
    const document = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return new OpenApiIndex(view === 'strict' ? strictView(document) : document);
  }

  /** The spec path template that `path` (no query, below the base URL) falls under. */
  templateOf(path: string): string | undefined {
    const segments = path.split('?')[0]?.split('/').filter(Boolean) ?? [];
    return this.#templates.find(
      (t) =>
        t.segments.length === segments.length &&
        t.segments.every((s, i) => s.startsWith('{') || s.toLowerCase() === segments[i]?.toLowerCase()),
    )?.template;
  }

  #resolve(value: unknown): [unknown, string | undefined] {
    if (isRecord(value) && typeof value['$ref'] === 'string' && value['$ref'].startsWith('#/')) {
      const ref = value['$ref'];
      let node: unknown = this.document;
      for (const part of ref.slice(2).split('/'))
        node = isRecord(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
      return [node, ref];
    }
    return [value, undefined];
  }

  /** A validator for a JSON pointer into the document (compiled once). */
  pointer(pointer: string): ValidateFunction {
    let validate = this.#compiled.get(pointer);
    if (validate === undefined) {
      validate = this.#ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
      this.#compiled.set(pointer, validate);
    }
    return validate;
  }

  /** The validator of `#/components/schemas/<name>`. */
  schema(name: string): ValidateFunction {
    return this.pointer(`#/components/schemas/${escapePointer(name)}`);
  }

  /** A validator for a schema written in a scenario; `$ref: '#/...'` points into the spec. */
  inline(schema: Record<string, unknown>): ValidateFunction {
    const rewrite = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(rewrite);
      if (!isRecord(v)) return v;
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [
          k,
          k === '$ref' && typeof x === 'string' && x.startsWith('#/') ? `${SPEC_ID}${x}` : rewrite(x),
        ]),
      );
    };
    return this.#ajv.compile(rewrite(schema) as Record<string, unknown>);
  }

  /** The documented schema of a response, or why there is none. */
  responseSchema(method: string, path: string, status: number, contentType: string | undefined): ResponseSchema {
    const template = this.templateOf(path);
    const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    const generic = { kind: 'schema' as const, where: 'ProblemDetails (unknown route or method)' };
    const problem = () => {
      const has =
        isRecord(this.document['components']) &&
        isRecord((this.document['components'] as Record<string, unknown>)['schemas']);
      return has ? { ...generic, validate: this.pointer('#/components/schemas/ProblemDetails') } : undefined;
    };
    if (template === undefined) {
      return (status === 404 && problem()) || { kind: 'undocumented', message: `no path of the spec matches ${path}` };
    }
    const item = (this.document['paths'] as Record<string, unknown>)[template];
    const operation = isRecord(item) ? item[verb] : undefined;
    if (!isRecord(operation)) {
      return (
        // 405 for a method the route lacks; 404 when the path only looks like the route (an undecodable segment).
        ((status === 405 || status === 404) && problem()) || {
          kind: 'undocumented',
          message: `${method} ${template} is not in the spec`,
        }
      );
    }
    const responses = isRecord(operation['responses']) ? operation['responses'] : {};
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => Object.hasOwn(responses, k));
    if (key === undefined)
      return { kind: 'undocumented', message: `${method} ${template} documents no ${status} response` };
    const [response, ref] = this.#resolve(responses[key]);
    const base = ref ?? `#/paths/${escapePointer(template)}/${verb}/responses/${key}`;
    const where = `${method} ${template} ${key}`;
    const content = isRecord(response) && isRecord(response['content']) ? response['content'] : undefined;
    if (content === undefined || Object.keys(content).length === 0) return { kind: 'no-body', where };
    const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const entry = Object.keys(content).find((m) => m.toLowerCase() === media);
    if (entry === undefined) {
      return {
        kind: 'undocumented',
        message: `${where}: content type '${media || '(none)'}' not documented (has ${Object.keys(content).join(', ')})`,
      };
    }
    const media_ = content[entry];
    if (!isRecord(media_) || media_['schema'] === undefined) return { kind: 'no-body', where };
    return { kind: 'schema', validate: this.pointer(`${base}/content/${escapePointer(entry)}/schema`), where };
  }
}

export type { ErrorObject, ValidateFunction };
