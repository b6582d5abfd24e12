import express, { type Router } from 'express';
import { describeFault } from '../../control/fault-kinds.js';
import type { FaultRule } from '../../control/fault-rules.js';
import { parseFaultRule } from '../../control/parse-fault.js';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { controlBody, orBadRequest } from './control-input.js';

function shown(rule: FaultRule) {
  return {
    id: rule.id,
    fault: describeFault(rule.fault),
    ...rule.fault,
    scope: rule.scope,
    remaining: rule.remaining,
    hits: rule.hits,
  };
}

/** `/_mock/faults` (rules: add, list, remove, clear) and `/_mock/locks` (writes to a locked id answer 423). */
export function faultRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const { faults, locks } = deps.control;

  router
    .route('/faults')
    .get((_req, res) => res.json({ items: faults.list().map(shown) }))
    .post((req, res) => {
      const { fault, scope } = orBadRequest(parseFaultRule(controlBody(req, res)));
      res.status(201).json(shown(faults.add(fault, scope)));
    })
    .delete((_req, res) => {
      faults.clear();
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'POST', 'DELETE']));
  router
    .route('/faults/:id')
    .delete((req, res) => {
      const id = String(req.params['id']);
      if (!faults.remove(id)) throw new AppError('not_found', { resource: 'fault', id });
      res.status(204).end();
    })
    .all(methodNotAllowed(['DELETE']));

  router
    .route('/locks')
    .get((_req, res) => res.json({ items: [...locks] }))
    .delete((_req, res) => {
      locks.clear();
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'DELETE']));
  router
    .route('/locks/:id')
    .put((req, res) => {
      locks.add(String(req.params['id']));
      res.status(204).end();
    })
    .delete((req, res) => {
      locks.delete(String(req.params['id']));
      res.status(204).end();
    })
    .all(methodNotAllowed(['PUT', 'DELETE']));
  return router;
}
