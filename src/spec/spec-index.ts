import { loadSpec, type OpenApiDocument } from './load-spec.js';
import { OpenApiIndex, type SpecViewName } from './openapi-index.js';
import { strictView } from './strict-view.js';

const indexes = new Map<SpecViewName, OpenApiIndex>();

/**
 * The project's `spec/openapi.yaml` in one view, with the one Ajv instance of that view (made on first use, then
 * shared by the mock, the contract kit and the tests). `documented` is the PORTOS contract as written: the kit
 * checks every server against it and the mock validates request bodies with it (request schemas are the same in
 * both views). `strict` holds the mock to exactly what it sends; the mock's own tests check against it.
 */
export function specIndex(view: SpecViewName = 'documented'): OpenApiIndex {
  let index = indexes.get(view);
  if (index === undefined) {
    const documented: OpenApiDocument = loadSpec();
    index = new OpenApiIndex(view === 'strict' ? strictView(documented) : documented);
    indexes.set(view, index);
  }
  return index;
}
