import express, { type Response, type Router } from 'express';
import { customerItems, stateDocument } from '../../control/state-file.js';
import type { StoredCustomer } from '../../domain/customer.js';
import { AppError } from '../../errors/app-error.js';
import { issue } from '../../errors/issue.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { controlBody, controlObject, orBadRequest } from './control-input.js';
import { readCustomers } from './customer-reader.js';

/** Customers of a control body (state document, `{customers}` or a bare array), all valid, or a 400. */
export function customersOfBody(body: unknown, deps: AppDeps): StoredCustomer[] {
  const { items, member } = orBadRequest(customerItems(body));
  return orBadRequest(readCustomers(items, member, deps));
}

/** `items` merged into `current`: same id replaces (keeping the position), new ones are appended. */
function merged(current: readonly StoredCustomer[], items: readonly StoredCustomer[], deps: AppDeps): StoredCustomer[] {
  const byId = new Map(items.map((c) => [c.id, c]));
  const clashes = items.flatMap((c, i) =>
    deps.store
      .clashes(c, c.id)
      .map((clash) => issue('body.unique', `customers[${i}].${clash.member}`, { value: clash.value })),
  );
  if (clashes.length > 0) throw new AppError('validation_failed', { issues: clashes });
  const kept = current.map((c) => byId.get(c.id) ?? c);
  return [...kept, ...items.filter((c) => !deps.store.has(c.id))];
}

/** `/_mock/counts`, `/_mock/reset`, `/_mock/customers` (load a fixture) and `/_mock/state` (download the data). */
export function dataRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const { control, store } = deps;
  const counts = () => ({
    customers: store.size,
    storeVersion: store.version,
    snapshots: control.snapshots.size,
    faults: control.faults.size,
    locks: control.locks.size,
    requests: control.requests.size,
    changes: control.changes.size,
    deliveries: control.deliveries.size,
    webhooks: control.webhooks.targets().length,
  });
  // The runners' leases; its presence also tells a runner that this mock has them (src/control/CONTROL-API.md#leases).
  const leaseCounts = () => {
    const { leases, waiting } = control.leases.list();
    const shared = leases.filter((l) => l.mode === 'shared').length;
    return { shared, exclusive: leases.length - shared, waiting: waiting.length };
  };
  const loaded = (res: Response, count: number) =>
    res.json({ loaded: count, customers: store.size, storeVersion: store.version });

  router
    .route('/')
    .get((_req, res) =>
      res.json({
        counts: counts(),
        clock: control.clock.state(),
        stateFile: control.state?.path ?? null,
        leases: leaseCounts(),
      }),
    )
    .all(methodNotAllowed(['GET']));
  router
    .route('/counts')
    .get((_req, res) => res.json(counts()))
    .all(methodNotAllowed(['GET']));
  router
    .route('/reset')
    .post(async (req, res) => {
      const options = controlObject(req, res, ['seed', 'count'], (input) => {
        const seed = input.integer('seed', -(2 ** 31), 2 ** 31 - 1);
        const count = input.integer('count', 0, 2_000_000);
        return { ...(seed === undefined ? {} : { seed }), ...(count === undefined ? {} : { count }) };
      });
      control.reset(options);
      await control.saved();
      res.json({ customers: store.size, storeVersion: store.version });
    })
    .all(methodNotAllowed(['POST']));
  router
    .route('/customers')
    .put(async (req, res) => {
      const customers = customersOfBody(controlBody(req, res), deps);
      control.replaceCustomers(customers, 'load');
      await control.saved();
      loaded(res, customers.length);
    })
    .post(async (req, res) => {
      const customers = customersOfBody(controlBody(req, res), deps);
      control.replaceCustomers(merged(store.list(), customers, deps), 'load');
      await control.saved();
      loaded(res, customers.length);
    })
    .all(methodNotAllowed(['PUT', 'POST']));
  router
    .route('/state')
    .get((_req, res) => res.json(stateDocument(store.list(), control.clock.now())))
    .all(methodNotAllowed(['GET']));
  return router;
}
