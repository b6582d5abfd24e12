/** One piece of a path glob: a literal character, `?` (one character but `/`), `*` (a run within a segment), `**`. */
type Piece = { kind: 'char'; char: string } | { kind: 'one' } | { kind: 'segment' } | { kind: 'any' };

function piecesOf(glob: string): Piece[] {
  const pieces: Piece[] = [];
  for (let at = 0; at < glob.length; at += 1) {
    const char = glob[at] as string;
    if (char === '*' && glob[at + 1] === '*') {
      pieces.push({ kind: 'any' });
      at += 1;
    } else if (char === '*') pieces.push({ kind: 'segment' });
    else if (char === '?') pieces.push({ kind: 'one' });
    else pieces.push({ kind: 'char', char });
  }
  return pieces;
}

/** Counts the work a match does: one step per (character, live state) pair. */
export interface StepCounter {
  steps: number;
}

/**
 * A path glob (`*` is a run of characters within one segment, `**` anything, `?` one character but `/`; a trailing
 * `/` on the path is ignored; case-insensitive like Express), matched by walking the set of live positions in the
 * glob once along the path (Thompson's construction): at most (path length + 1) × (glob length + 1) steps, never
 * the exponential backtracking a RegExp does on `*a*a*a…b`.
 */
export class PathGlob {
  readonly #pieces: Piece[];
  /** `#seen[state] === #round`: the state is already in the set being built. */
  readonly #seen: Uint32Array;
  #round = 0;

  constructor(glob: string) {
    this.#pieces = piecesOf(glob.toLowerCase());
    this.#seen = new Uint32Array(this.#pieces.length + 1);
  }

  matches(path: string, counter: StepCounter = { steps: 0 }): boolean {
    const text = path.toLowerCase();
    return this.#run(text, counter) || (text.endsWith('/') && this.#run(text.slice(0, -1), counter));
  }

  #run(text: string, counter: StepCounter): boolean {
    const end = this.#pieces.length;
    let live = this.#closure([0]);
    for (let at = 0; at < text.length && live.length > 0; at += 1) {
      const char = text[at] as string;
      const next: number[] = [];
      for (const state of live) {
        counter.steps += 1;
        const piece = this.#pieces[state];
        if (piece === undefined) continue;
        if (piece.kind === 'any' || (piece.kind === 'segment' && char !== '/')) next.push(state);
        else if ((piece.kind === 'one' && char !== '/') || (piece.kind === 'char' && piece.char === char))
          next.push(state + 1);
      }
      live = this.#closure(next);
    }
    return live.includes(end);
  }

  /** `states` without repeats, plus every state reachable from them without reading (past `*` and `**`). */
  #closure(states: readonly number[]): number[] {
    this.#round = (this.#round + 1) >>> 0;
    if (this.#round === 0) {
      this.#seen.fill(0);
      this.#round = 1;
    }
    const out: number[] = [];
    for (const first of states) {
      for (let state = first; this.#seen[state] !== this.#round; state += 1) {
        this.#seen[state] = this.#round;
        out.push(state);
        const kind = this.#pieces[state]?.kind;
        if (kind !== 'segment' && kind !== 'any') break;
      }
    }
    return out;
  }
}
