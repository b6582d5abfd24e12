import express, { type Router } from 'express';
import type { ControlledClock } from '../../control/controlled-clock.js';
import { clockInstant, readDuration, readInstant } from '../../control/parse-clock.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { controlObject } from './control-input.js';
import type { ControlInput } from '../../control/control-input.js';

/**
 * One clock action: the body members it takes, how it reads them (refusing, with an issue, whatever would move the
 * clock out of the years 0001–9999), and what it does with them.
 */
interface ClockAction<T> {
  members: readonly string[];
  read: (input: ControlInput, clock: ControlledClock) => T | undefined;
  apply: (clock: ControlledClock, value: T) => void;
}

const action = <T>(a: ClockAction<T>): ClockAction<unknown> => a as ClockAction<unknown>;

/** The clock actions, `POST /_mock/clock/<name>` each. */
const CLOCK_ACTIONS: Record<string, ClockAction<unknown>> = {
  freeze: action({
    members: ['at'],
    read: (input) => ({ at: readInstant(input, 'at', false) }),
    apply: (clock, { at }) => clock.freeze(...(at === undefined ? [] : [at])),
  }),
  set: action({
    members: ['at'],
    read: (input) => readInstant(input, 'at', true),
    apply: (clock, at: number) => clock.set(at),
  }),
  advance: action({
    members: ['by'],
    read: (input, clock) => {
      const by = readDuration(input, 'by');
      return by === undefined || clockInstant(input, 'by', clock.now() + by) === undefined ? undefined : by;
    },
    apply: (clock, by: number) => clock.advance(by),
  }),
  resume: action({ members: [], read: () => true, apply: (clock) => clock.resume() }),
  reset: action({ members: [], read: () => true, apply: (clock) => clock.reset() }),
};

/** `/_mock/clock`: read, freeze, set, advance, resume and reset the mock's clock; each answers the clock's state. */
export function clockRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const { clock } = deps.control;
  router
    .route('/clock')
    .get((_req, res) => res.json(clock.state()))
    .all(methodNotAllowed(['GET']));
  for (const [name, { members, read, apply }] of Object.entries(CLOCK_ACTIONS)) {
    router
      .route(`/clock/${name}`)
      .post((req, res) => {
        apply(
          clock,
          controlObject(req, res, members, (input) => read(input, clock)),
        );
        res.json(clock.state());
      })
      .all(methodNotAllowed(['POST']));
  }
  return router;
}
