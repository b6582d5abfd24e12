import type { ProblemCode } from './catalogue.js';
import type { ProblemParams } from './problem-params.js';

/**
 * A failure every layer may throw: a catalogue code and its parameters, never a sentence.
 * The problem writer (`src/http/middleware/problem-handler.ts`) turns it into `application/problem+json`.
 */
export class AppError<K extends ProblemCode = ProblemCode> extends Error {
  readonly code: K;
  readonly params: ProblemParams[K];

  constructor(code: K, params: ProblemParams[K], options?: { cause?: unknown }) {
    super(code, options);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
