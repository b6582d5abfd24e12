import express, { type Request, type Router } from 'express';
import { describeFault } from '../../control/fault-kinds.js';
import type { FaultRule } from '../../control/fault-rules.js';
import { lockKey } from '../../control/lock-key.js';
import { parseFaultRule } from '../../control/parse-fault.js';
import { issue } from '../../errors/issue.js';
import { keyText } from '../../resources/engine/keys.js';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { controlBody, orBadRequest } from './control-input.js';
import { dataSegments } from './data-reader.js';

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

/**
 * `/_mock/faults` (rules: add, list, remove, clear) and `/_mock/locks` (writes to a locked customer id, or to a
 * locked `{segment}/{key}` of any resource, answer 423).
 */
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
  // A bare id is a customer's; `{segment}/{key}` an item of any resource (src/control/CONTROL-API.md#locks).
  const segments = dataSegments(deps.resources.rows);
  const lockOf = (req: Request): string => {
    const key = String(req.params['key']);
    const segment = req.params['segment'] === undefined ? 'customers' : String(req.params['segment']);
    if (!segments.includes(segment))
      throw new AppError('validation_failed', {
        issues: [issue('control.one_of', 'segment', { value: segment, allowed: segments })],
      });
    const row = deps.resources.rows.find((r) => r.segment === segment);
    const inDomain = row?.key.fromPath(key);
    return lockKey(segment, inDomain === undefined ? key : keyText(inDomain));
  };
  for (const path of ['/locks/:key', '/locks/:segment/:key']) {
    router
      .route(path)
      .put((req, res) => {
        locks.add(lockOf(req));
        res.status(204).end();
      })
      .delete((req, res) => {
        locks.delete(lockOf(req));
        res.status(204).end();
      })
      .all(methodNotAllowed(['PUT', 'DELETE']));
  }
  return router;
}
