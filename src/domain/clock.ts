/** The mock's notion of "now", injected everywhere time matters (status, tokens, NWS4 window). */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still at `at` (epoch ms) until moved; for tests. */
export function fixedClock(at: number): Clock & { set(ms: number): void; advance(ms: number): void } {
  let current = at;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
