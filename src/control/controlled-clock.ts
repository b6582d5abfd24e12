import { FIRST_INSTANT, isDateInRange, LAST_INSTANT, writeDate } from '../dates/read-date.js';
import type { Clock } from '../domain/clock.js';

/** What `GET /_mock/clock` shows. */
export interface ClockState {
  now: string;
  nowMs: number;
  frozen: boolean;
  /** How far the mock's time is ahead of the underlying clock (negative: behind); 0 while untouched. */
  offsetMs: number;
}

/**
 * The mock's clock, movable at run time: derived `status`, token expiry and the NWS4 window follow it. It reads
 * only instants in the years 0001–9999 UTC: moving it outside is a RangeError that changes nothing (the control
 * routes answer 400 before), and a running clock stops at the edge.
 */
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
  const now = () => frozenAt ?? Math.min(Math.max(base.now() + offset, FIRST_INSTANT), LAST_INSTANT);
  const inRange = (at: number) => {
    if (!isDateInRange(at)) throw new RangeError(`the clock stays in the years 0001-9999: ${at}`);
    return at;
  };
  const clock: ControlledClock = {
    now,
    freeze: (at) => {
      frozenAt = inRange(at ?? now());
    },
    set: (at) => {
      inRange(at);
      if (frozenAt !== null) frozenAt = at;
      else offset = at - base.now();
    },
    advance: (ms) => {
      inRange(now() + ms);
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
      return { now: writeDate(at), nowMs: at, frozen: frozenAt !== null, offsetMs };
    },
  };
  return clock;
}
