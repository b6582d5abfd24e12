import express, { type Response, type Router } from 'express';
import { readDuration, readInstant } from '../../control/parse-clock.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { controlObject } from './control-input.js';

/** `/_mock/clock`: read, freeze, set, advance, resume and reset the mock's clock; each answers the clock's state. */
export function clockRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const { clock } = deps.control;
  const state = (res: Response) => res.json(clock.state());

  router.route('/clock').get((_req, res) => state(res)).all(methodNotAllowed(['GET']));
  router
    .route('/clock/freeze')
    .post((req, res) => {
      const at = controlObject(req, res, ['at'], (input) => ({ at: readInstant(input, 'at', false) }));
      clock.freeze(...(at.at === undefined ? [] : [at.at]));
      state(res);
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/clock/set')
    .post((req, res) => {
      clock.set(controlObject(req, res, ['at'], (input) => readInstant(input, 'at', true)));
      state(res);
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/clock/advance')
    .post((req, res) => {
      clock.advance(controlObject(req, res, ['by'], (input) => readDuration(input, 'by')));
      state(res);
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/clock/resume')
    .post((req, res) => {
      controlObject(req, res, [], () => true);
      clock.resume();
      state(res);
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/clock/reset')
    .post((req, res) => {
      controlObject(req, res, [], () => true);
      clock.reset();
      state(res);
    })
    .all(methodNotAllowed(['POST']));
  return router;
}
