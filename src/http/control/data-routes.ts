import express, { type Request, type Response, type Router } from 'express';
import type { DataPart } from '../../control/data-set.js';
import { stateDocument } from '../../control/state-file.js';
import type { StoredCustomer } from '../../domain/customer.js';
import { AppError } from '../../errors/app-error.js';
import { issue } from '../../errors/issue.js';
import { itemKey } from '../../resources/engine/resource-stores.js';
import type { Item, ResourceRow } from '../../resources/engine/resource-row.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { controlBody, controlObject, orBadRequest } from './control-input.js';
import { dataSegments, readDocument, readSegment, type DataReaderDeps } from './data-reader.js';

/** What reading control bodies needs, from the app's parts. */
export function readerDeps(deps: AppDeps): DataReaderDeps {
  return { ...deps, now: () => deps.clock.now(), rows: deps.resources.rows, catalogue: deps.resources };
}

/** The data of a whole document in a control body (state document v1 or v2, `{customers}`, a bare array), or a 400. */
export function dataOfBody(body: unknown, deps: AppDeps): DataPart {
  return orBadRequest(readDocument(body, readerDeps(deps)));
}

/** `items` merged into `current`: same id replaces (keeping the position), new ones are appended. */
function mergedCustomers(items: readonly StoredCustomer[], deps: AppDeps): StoredCustomer[] {
  const { store } = deps;
  const byId = new Map(items.map((c) => [c.id, c]));
  const clashes = items.flatMap((c, i) =>
    store
      .clashes(c, c.id)
      .map((clash) => issue('body.unique', `customers[${i}].${clash.member}`, { value: clash.value })),
  );
  if (clashes.length > 0) throw new AppError('validation_failed', { issues: clashes });
  const kept = store.list().map((c) => byId.get(c.id) ?? c);
  return [...kept, ...items.filter((c) => !store.has(c.id))];
}

/** A row's `items` merged into its store: same key replaces (keeping the position), new keys are appended. */
function mergedItems(row: ResourceRow, items: readonly Item[], deps: AppDeps): Item[] {
  const byKey = new Map(items.map((item) => [itemKey(row, item), item]));
  const current = deps.resources.items(row.segment);
  const kept = current.map((item) => byKey.get(itemKey(row, item)) ?? item);
  const known = new Set(current.map((item) => itemKey(row, item)));
  return [...kept, ...items.filter((item) => !known.has(itemKey(row, item)))];
}

/**
 * `/_mock` (probe), `/_mock/counts`, `/_mock/reset`, the loaders `/_mock/{segment}` (customers and every engine
 * row: GET downloads, PUT replaces, POST merges by key) and `/_mock/state` (download all the data).
 */
export function dataRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const { control } = deps;
  const data = () => ({ ...control.counts(), storeVersion: control.storeVersion });
  const counts = () => ({
    ...data(),
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
      res.json(data());
    })
    .all(methodNotAllowed(['POST']));

  /** A loader: the body's items of `segment`, replacing (PUT) or merged into (POST) what is stored. */
  const load = (segment: string, replace: boolean) => async (req: Request, res: Response) => {
    const part = orBadRequest(readSegment(controlBody(req, res), segment, readerDeps(deps)));
    const row = deps.resources.rows.find((r) => r.segment === segment);
    if (row === undefined) {
      const customers = part.customers ?? [];
      control.replaceData({ customers: replace ? customers : mergedCustomers(customers, deps) }, 'load');
      await control.saved();
      return void res.json({ loaded: customers.length, ...data() });
    }
    const items = part.resources?.[row.segment] ?? [];
    control.replaceData({ resources: { [row.segment]: replace ? items : mergedItems(row, items, deps) } }, 'load');
    await control.saved();
    res.json({ loaded: items.length, ...data() });
  };
  for (const segment of dataSegments(deps.resources.rows)) {
    const row = deps.resources.rows.find((r) => r.segment === segment);
    router
      .route(`/${segment}`)
      .get((_req, res) => {
        res.json({ [segment]: row === undefined ? deps.store.list() : deps.resources.items(row.segment) });
      })
      .put(load(segment, true))
      .post(load(segment, false))
      .all(methodNotAllowed(['GET', 'PUT', 'POST']));
  }
  router
    .route('/state')
    .get((_req, res) => res.json(stateDocument(control.data(), control.clock.now())))
    .all(methodNotAllowed(['GET']));
  return router;
}
