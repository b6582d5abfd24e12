import { writeStateFile, type StateDocument } from './state-file.js';

/**
 * Keeps a state file current: `schedule()` after each change writes once the changes pause for `debounceMs`;
 * `flush()` writes now (on SIGTERM) and waits. Writes never overlap.
 */
export class StateWriter {
  readonly #path: string;
  readonly #document: () => StateDocument;
  readonly #debounceMs: number;
  readonly #onError: (error: unknown) => void;
  #timer: NodeJS.Timeout | null = null;
  #dirty = false;
  #writing: Promise<void> = Promise.resolve();

  constructor(
    path: string,
    document: () => StateDocument,
    options: { debounceMs: number; onError: (error: unknown) => void },
  ) {
    this.#path = path;
    this.#document = document;
    this.#debounceMs = options.debounceMs;
    this.#onError = options.onError;
  }

  get path(): string {
    return this.#path;
  }

  schedule(): void {
    this.#dirty = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#debounceMs);
    this.#timer.unref();
  }

  /** Writes pending changes (or, with `force`, the current state anyway) and resolves when on disk. */
  flush(force = false): Promise<void> {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#dirty && !force) return this.#writing;
    this.#dirty = false;
    const document = this.#document();
    this.#writing = this.#writing.then(() => writeStateFile(this.#path, document)).catch(this.#onError);
    return this.#writing;
  }
}
