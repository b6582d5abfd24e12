import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { OpenApiDocument } from './load-spec.js';

const SPEC_ID = 'openapi.json';

/** Compiles schemas of `components.schemas` with Ajv (draft 2020-12, as OpenAPI 3.1 uses), once each. */
export class SpecSchemas {
  readonly #ajv: Ajv2020;
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(spec: OpenApiDocument) {
    this.#ajv = new Ajv2020({ allErrors: true, strict: false, verbose: false });
    addFormats.default(this.#ajv);
    this.#ajv.addSchema({ ...spec, $id: SPEC_ID });
  }

  /** The validator of `#/components/schemas/<name>`. */
  schema(name: string): ValidateFunction {
    return this.pointer(`#/components/schemas/${name}`);
  }

  /** The validator of any JSON pointer into the document, e.g. a response's schema. */
  pointer(pointer: string): ValidateFunction {
    let validate = this.#compiled.get(pointer);
    if (validate === undefined) {
      validate = this.#ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
      this.#compiled.set(pointer, validate);
    }
    return validate;
  }
}

export type { ErrorObject };
