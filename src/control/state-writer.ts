import { writeStateFile, type StateDocument } from './state-file.js';

/** Why the state file could not be written: its path and the system's reason, one line. */
export class StateSaveError extends Error {
  readonly path: string;
  readonly reason: string;

  constructor(path: string, cause: unknown) {
    const reason = cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : String(cause);
    super(`state file ${path} not saved: ${reason}`, { cause });
    this.path = path;
    this.reason = reason;
  }
}

/**
 * Keeps a state file current. `save()` after a change resolves once a write that holds the change is on disk,
 * and rejects with a `StateSaveError` when that write fails; changes made while a write is under way share the
 * next write, so writes never overlap and a burst of changes costs two writes. A failure never escapes as an
 * uncaught error: it is reported once (`onFailure`, one line) until a write succeeds again (`onRecovery`).
 */
export class StateWriter {
  readonly #path: string;
  readonly #document: () => StateDocument;
  readonly #report: (line: string) => void;
  #writing: Promise<void> = Promise.resolve();
  #next: Promise<void> | null = null;
  #failing = false;

  constructor(path: string, document: () => StateDocument, options: { report: (line: string) => void }) {
    this.#path = path;
    this.#document = document;
    this.#report = options.report;
  }

  get path(): string {
    return this.#path;
  }

  /** Writes the current state after the write under way (if any); shared by every caller until it starts. */
  save(): Promise<void> {
    if (this.#next !== null) return this.#next;
    const next = this.#writing
      .catch(() => undefined)
      .then(() => {
        this.#next = null;
        return this.#write();
      });
    this.#next = next;
    this.#writing = next;
    return next;
  }

  async #write(): Promise<void> {
    try {
      await writeStateFile(this.#path, this.#document());
    } catch (error) {
      const failure = new StateSaveError(this.#path, error);
      if (!this.#failing) this.#report(`portos-mock: ${failure.message}; writes answer 500 until it can be written`);
      this.#failing = true;
      throw failure;
    }
    if (this.#failing) this.#report(`portos-mock: state file ${this.#path} saved again`);
    this.#failing = false;
  }
}
