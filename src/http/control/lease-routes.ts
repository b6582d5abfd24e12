import express, { type Router } from 'express';
import type { Lease } from '../../control/lease-table.js';
import { parseLeaseAsk, parseLeaseRenewal } from '../../control/parse-lease.js';
import { AppError } from '../../errors/app-error.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { controlBody, orBadRequest } from './control-input.js';

function shown(lease: Lease) {
  return { id: lease.id, mode: lease.mode, ttlMs: lease.ttlMs, expiresAt: new Date(lease.expiresAt).toISOString() };
}

/**
 * `/_mock/lease`: the readers–writer lock that lets test runners share one mock (src/control/CONTROL-API.md#leases).
 * `POST` holds its answer until the lease is granted (`201`) or `waitMs` has passed (`423 lease_busy` with
 * `Retry-After`); a caller that goes away while waiting withdraws its request.
 */
export function leaseRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const { leases } = deps.control;
  const notFound = (id: string) => new AppError('not_found', { resource: 'lease', id });

  router
    .route('/lease')
    .get((_req, res) => {
      const { leases: held, waiting } = leases.list();
      res.json({ items: held.map(shown), waiting: waiting.map((w) => ({ mode: w.mode, ttlMs: w.ttlMs })) });
    })
    .post(async (req, res) => {
      const ask = orBadRequest(parseLeaseAsk(controlBody(req, res)));
      const gone = new AbortController();
      const onClose = () => gone.abort();
      res.once('close', onClose);
      const lease = await leases.acquire(ask.mode, ask.ttlMs, ask.waitMs, gone.signal);
      res.off('close', onClose);
      if (gone.signal.aborted) {
        if (lease !== undefined) leases.release(lease.id);
        return;
      }
      if (lease !== undefined) return void res.status(201).json(shown(lease));
      const held = leases.list().leases;
      const count = (mode: Lease['mode']) => held.filter((l) => l.mode === mode).length;
      // After a held wait the request may be repeated at once (it is held again); after `waitMs: 0`, in a second.
      res.set('Retry-After', ask.waitMs > 0 ? '0' : '1');
      throw new AppError('lease_busy', {
        mode: ask.mode,
        waitMs: ask.waitMs,
        shared: count('shared'),
        exclusive: count('exclusive'),
      });
    })
    .all(methodNotAllowed(['GET', 'POST']));
  router
    .route('/lease/:id')
    .delete((req, res) => {
      const id = String(req.params['id']);
      if (!leases.release(id)) throw notFound(id);
      res.status(204).end();
    })
    .all(methodNotAllowed(['DELETE']));
  router
    .route('/lease/:id/renew')
    .post((req, res) => {
      const id = String(req.params['id']);
      const { ttlMs } = orBadRequest(parseLeaseRenewal(controlBody(req, res)));
      const lease = leases.renew(id, ttlMs);
      if (lease === undefined) throw notFound(id);
      res.json(shown(lease));
    })
    .all(methodNotAllowed(['POST']));
  return router;
}
