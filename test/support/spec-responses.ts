import { loadSpec } from '../../src/spec/load-spec.js';
import { SpecSchemas } from '../../src/spec/schema-validator.js';

const spec = loadSpec();
const schemas = new SpecSchemas(spec);

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }>; $ref?: string }>;
}

const templates = Object.keys(spec.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}/?$`, 'i'),
}));

function escapePointer(text: string): string {
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Where `status` of `method path` is described in the spec: a JSON pointer to its content schema, or why not. */
export function responsePointer(
  method: string,
  path: string,
  status: number,
  contentType: string,
): { pointer?: string; error?: string } {
  const media = contentType.split(';')[0]?.trim() ?? '';
  const match = templates.find((t) => t.pattern.test(path));
  if (match === undefined) {
    // Unknown routes answer 404 (and nothing else) with a ProblemDetails.
    return status === 404 ? { pointer: '#/components/schemas/ProblemDetails' } : { error: `no spec path for ${path}` };
  }
  const item = spec.paths[match.template] as Record<string, Operation>;
  const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
  const operation = item[verb];
  if (operation === undefined) {
    return status === 405
      ? { pointer: '#/components/schemas/ProblemDetails' }
      : { error: `${method} ${match.template} not in spec` };
  }
  const documented = operation.responses?.[String(status)];
  if (documented === undefined) return { error: `${method} ${match.template} does not document status ${status}` };
  let base = `#/paths/${escapePointer(match.template)}/${verb}/responses/${status}`;
  let response = documented;
  if (response.$ref !== undefined) {
    base = response.$ref;
    const name = response.$ref.split('/').pop() ?? '';
    response = ((spec['components'] as { responses: Record<string, typeof documented> }).responses[name] ??
      {}) as typeof documented;
  }
  if (response.content === undefined) return media === '' ? {} : { error: `${status} has no body in the spec` };
  if (response.content[media] === undefined)
    return { error: `${status} with ${media} not in spec (has ${Object.keys(response.content).join(', ')})` };
  return { pointer: `${base}/content/${escapePointer(media)}/schema` };
}

/** The spec violations of one response (empty when it conforms). */
export function checkResponse(
  method: string,
  path: string,
  status: number,
  contentType: string,
  body: string,
): string[] {
  const where = responsePointer(method, path, status, contentType);
  if (where.error !== undefined) return [where.error];
  if (where.pointer === undefined || method.toUpperCase() === 'HEAD') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [`${method} ${path} ${status}: body is not JSON`];
  }
  const validate = schemas.pointer(where.pointer);
  if (validate(parsed)) return [];
  return (validate.errors ?? []).map((e) => `${method} ${path} ${status}: ${e.instancePath || '/'} ${e.message ?? ''}`);
}
