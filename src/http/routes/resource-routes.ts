import express, { type Request, type Response, type Router } from 'express';
import { resourceChange } from '../../control/change-feed.js';
import { AppError } from '../../errors/app-error.js';
import { keyText } from '../../resources/engine/keys.js';
import {
  infoNameOf,
  keyOfItem,
  type ListAnswer,
  type ResourceRow,
  type RowStore,
  type Versioned,
} from '../../resources/engine/resource-row.js';
import {
  assertMayRead,
  createItem,
  deleteItem,
  getItem,
  upsertItem,
  type RowWriteContext,
} from '../../resources/engine/row-commands.js';
import { parseRowQuery, runRowQuery } from '../../resources/engine/row-query.js';
import { writeRight } from '../../resources/names.js';
import { readRowBody } from '../body/row-body.js';
import { changeOriginOf } from '../connection-id.js';
import { principalOf } from '../context.js';
import { sendJsonText } from '../customer-json.js';
import { sendQueryResult } from '../send-query-result.js';
import type { AppDeps } from '../deps.js';
import { credentialChain } from '../middleware/credentials.js';
import { requireAnyRight } from '../middleware/authorize.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';

const decoder = new TextDecoder();
const textOf = (json: string | Uint8Array): string => (typeof json === 'string' ? json : decoder.decode(json));

function queryPairs(req: Request): [string, string][] {
  const at = req.originalUrl.indexOf('?');
  return at < 0 ? [] : [...new URLSearchParams(req.originalUrl.slice(at + 1))];
}

/**
 * The routes of one engine row (docs/decisions.md#resource-engine), thin: read input → `src/resources/engine`
 * → status and body. List and get: any authenticated user unless the row names read rights; POST needs
 * `{name}Create`, PUT `{name}Create` or `{name}Update`, DELETE `{name}Delete`. Customers are a row too.
 */
export function resourceRoutes<T extends Versioned>(deps: AppDeps, row: ResourceRow<T>, store: RowStore<T>): Router {
  const router = express.Router();
  const credentials = credentialChain(deps);
  const path = `/${row.segment}`;
  const name = infoNameOf(row);
  const json = row.hooks?.json ?? ((item: T) => JSON.stringify(item));
  const context = (req: Request, res: Response): RowWriteContext<T> => {
    const { user, rights } = principalOf(res);
    return {
      row,
      store,
      stores: deps.resources,
      rights,
      now: deps.clock.now(),
      newId: deps.ids.customerId,
      newHex: deps.ids.hex,
      onWrite: (before, after) => {
        const item = after ?? before;
        const id = item === null ? '' : keyOfItem(row, item);
        const change = resourceChange({ kind: row.name, name }, id, before, after, deps.clock.now(), user.userName);
        deps.control.feed.publish(change, changeOriginOf(req, user, deps.ids));
      },
    };
  };
  /** The stored key a path segment names, or a 404 (GET, DELETE: anything outside the domain is absent). */
  const pathKey = (req: Request): string => {
    const text = String(req.params['key']);
    const key = row.key.fromPath(text);
    if (key === undefined) throw new AppError('not_found', { resource: name, id: text });
    return keyText(key);
  };
  const send = (res: Response, status: number, item: T) => {
    if (status === 201 && deps.config.locationHeader)
      res.location(`${deps.config.basePath}${path}/${encodeURIComponent(keyOfItem(row, item))}`);
    sendJsonText(res, status, json(item, deps.clock.now()));
  };
  const list = (req: Request): ListAnswer<T> => {
    const options = {
      strict: deps.config.strict,
      repeatedSingleParameter: deps.config.ndata.repeatedSingleParameter,
      stringOrder: deps.config.ndata.stringOrder,
      now: deps.clock.now(),
    };
    const custom = row.hooks?.query?.(queryPairs(req), options);
    if (custom !== undefined) {
      if (!custom.ok) throw new AppError('validation_failed', { issues: custom.issues });
      return custom.answer;
    }
    const parsed = parseRowQuery(row, queryPairs(req), options);
    if (!parsed.ok) throw new AppError('validation_failed', { issues: parsed.issues });
    return runRowQuery(row, parsed.query, store.list(), options.stringOrder);
  };
  const read = (_req: Request, res: Response, next: () => void) => {
    assertMayRead(row, principalOf(res).rights);
    next();
  };

  router
    .route(path)
    .get(...credentials, read, (req, res) => {
      const answer = list(req);
      const now = deps.clock.now();
      const fresh = row.hooks?.freshJson ?? ((item: T, at: number) => textOf(json(item, at)));
      return sendQueryResult(res, { ...answer, text: (i) => json(i, now), freshText: (i) => fresh(i, now) });
    })
    .post(...credentials, requireAnyRight(writeRight(row.name, 'Create')), async (req, res) => {
      const { body } = readRowBody(req, res, deps, row);
      const item = createItem(context(req, res), body);
      await deps.control.saved();
      send(res, 201, item);
    })
    .all(methodNotAllowed(['GET', 'POST']));

  router
    .route(`${path}/:key`)
    .get(...credentials, read, (req, res) => {
      send(res, 200, getItem(row, store, pathKey(req)));
    })
    .put(
      ...credentials,
      requireAnyRight(writeRight(row.name, 'Create'), writeRight(row.name, 'Update')),
      async (req, res) => {
        const text = String(req.params['key']);
        const { body, version } = readRowBody(req, res, deps, row, text);
        const key = row.key.fromPath(text) ?? text;
        const { item, created } = upsertItem(context(req, res), key, body, version);
        await deps.control.saved();
        send(res, created ? deps.config.putCreatedStatus : 200, item);
      },
    )
    .delete(...credentials, requireAnyRight(writeRight(row.name, 'Delete')), async (req, res) => {
      const item = deleteItem(context(req, res), pathKey(req));
      await deps.control.saved();
      send(res, 200, item);
    })
    .all(methodNotAllowed(['GET', 'PUT', 'DELETE']));

  return router;
}
