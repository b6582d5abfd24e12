import type { Clock } from '../domain/clock.js';

/** What `GET /_mock/clock` shows. */
export interface ClockState {
  now: string;
  nowMs: number;
  frozen: boolean;
  /** How far the mock's time is ahead of the underlying clock (negative: behind); 0 while untouched. */
  offsetMs: number;
}

/** The mock's clock, movable at run time: derived `status`, token expiry and the NWS4 window follow it. */
export interface ControlledClock extends Clock {
  /** Stops the clock at `at` (epoch ms), or where it is now. */
  freeze(at?: number): void;
  /** Jumps to `at` (epoch ms); keeps running, or stays frozen, as before. */
  set(at: number): void;
  /** Moves by `ms` (negative goes back). */
  advance(ms: number): void;
  /** Runs again with real time, from the current reading. */
  resume(): void;
  /** Back to the underlying clock: running, no offset. */
  reset(): void;
  state(): ClockState;
}

/**
 * A clock that reads `base` (the system clock, or a test's fixed clock) plus an offset, or stands still when
 * frozen. Untouched, it reads exactly `base`, so a test that moves its own fixed clock keeps working.
 */
export function controlledClock(base: Clock): ControlledClock {
  let offset = 0;
  let frozenAt: number | null = null;
  const now = () => frozenAt ?? base.now() + offset;
  const clock: ControlledClock = {
    now,
    freeze: (at) => {
      frozenAt = at ?? now();
    },
    set: (at) => {
      if (frozenAt !== null) frozenAt = at;
      else offset = at - base.now();
    },
    advance: (ms) => {
      if (frozenAt !== null) frozenAt += ms;
      else offset += ms;
    },
    resume: () => {
      offset = now() - base.now();
      frozenAt = null;
    },
    reset: () => {
      offset = 0;
      frozenAt = null;
    },
    state: () => {
      const at = now();
      // Running, the offset is what it was set to (two readings of a real base clock may differ by a millisecond).
      const offsetMs = frozenAt === null ? offset : at - base.now();
      return { now: new Date(at).toISOString(), nowMs: at, frozen: frozenAt !== null, offsetMs };
    },
  };
  return clock;
}
