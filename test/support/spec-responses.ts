import { specIndex } from '../../src/spec/spec-index.js';

/** The mock's own tests hold it to the STRICT view: exactly the members it sends, all of them required. */
const strict = specIndex('strict');

/** The STRICT-view violations of one response of the mock (empty when it conforms). */
export function checkResponse(
  method: string,
  path: string,
  status: number,
  contentType: string,
  body: string,
): string[] {
  const found = strict.responseSchema(method, path, status, contentType);
  if (found.kind === 'undocumented') return [`${method} ${path} ${status}: ${found.message}`];
  if (method.toUpperCase() === 'HEAD') return [];
  if (found.kind === 'no-body')
    return body.trim() === '' ? [] : [`${method} ${path} ${status}: ${found.where} documents no body, got one`];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [`${method} ${path} ${status}: body is not JSON`];
  }
  if (found.validate(parsed)) return [];
  return (found.validate.errors ?? []).map(
    (e) => `${method} ${path} ${status}: ${e.instancePath || '/'} ${e.message ?? ''} (${found.where}, ${e.schemaPath})`,
  );
}
