import express, { type Request, type Response, type Router } from 'express';
import { resourceChange } from '../../control/change-feed.js';
import { writeRight } from '../../resources/names.js';
import { keyText } from '../../resources/engine/keys.js';
import type { Item, ResourceRow } from '../../resources/engine/resource-row.js';
import {
  assertMayRead,
  createItem,
  deleteItem,
  getItem,
  upsertItem,
  type RowWriteContext,
} from '../../resources/engine/row-commands.js';
import { parseRowQuery, runRowQuery } from '../../resources/engine/row-query.js';
import { AppError } from '../../errors/app-error.js';
import { readRowBody } from '../body/row-body.js';
import { changeOriginOf } from '../connection-id.js';
import { principalOf } from '../context.js';
import { sendJsonText } from '../customer-json.js';
import type { AppDeps } from '../deps.js';
import { authenticate } from '../middleware/authenticate.js';
import { requireAnyRight } from '../middleware/authorize.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { rawBody } from '../middleware/raw-body.js';

function queryPairs(req: Request): [string, string][] {
  const at = req.originalUrl.indexOf('?');
  return at < 0 ? [] : [...new URLSearchParams(req.originalUrl.slice(at + 1))];
}

/** The stored key a path segment names, or a 404 (GET, DELETE: anything outside the domain is simply absent). */
function pathKey(row: ResourceRow, req: Request): string {
  const text = String(req.params['key']);
  const key = row.key.fromPath(text);
  if (key === undefined) throw new AppError('not_found', { resource: row.name, id: text });
  return keyText(key);
}

/**
 * The routes of one engine row (docs/decisions.md#resource-engine), thin like the customers': read input →
 * `src/resources/engine` → status and body. List and get: any authenticated user unless the row names read
 * rights; POST needs `{name}Create`, PUT `{name}Create` or `{name}Update`, DELETE `{name}Delete`.
 */
export function resourceRoutes(deps: AppDeps, row: ResourceRow): Router {
  const router = express.Router();
  const credentials = [rawBody(deps.config.bodyLimitBytes), authenticate(deps)];
  const path = `/${row.segment}`;
  const context = (req: Request, res: Response): RowWriteContext => {
    const { user, rights } = principalOf(res);
    return {
      row,
      stores: deps.resources,
      rights,
      now: deps.clock.now(),
      newId: deps.ids.customerId,
      newHex: deps.ids.hex,
      onWrite: (before, after) => {
        const id = (after ?? before)?.[row.key.member];
        const change = resourceChange(
          { kind: row.name, name: row.name },
          typeof id === 'string' || typeof id === 'number' ? keyText(id) : '',
          before,
          after,
          deps.clock.now(),
          user.userName,
        );
        deps.control.feed.publish(change, changeOriginOf(req, user, deps.ids));
      },
    };
  };
  const send = (res: Response, status: number, item: Item) => {
    const key = item[row.key.member];
    if (status === 201 && deps.config.locationHeader && (typeof key === 'string' || typeof key === 'number'))
      res.location(`${deps.config.basePath}${path}/${encodeURIComponent(keyText(key))}`);
    sendJsonText(res, status, JSON.stringify(item));
  };
  const read = (_req: Request, res: Response, next: () => void) => {
    assertMayRead(row, principalOf(res).rights);
    next();
  };

  router
    .route(path)
    .get(...credentials, read, (req, res) => {
      const parsed = parseRowQuery(row, queryPairs(req), {
        strict: deps.config.strict,
        repeatedSingleParameter: deps.config.ndata.repeatedSingleParameter,
      });
      if (!parsed.ok) throw new AppError('validation_failed', { issues: parsed.issues });
      const items = deps.resources.items(row.segment);
      const result = runRowQuery(row, parsed.query, items, deps.config.ndata.stringOrder);
      const head = result.items === undefined ? '{' : `{"items":${JSON.stringify(result.items)},`;
      sendJsonText(res, 200, `${head}"count":${result.count},"totalCount":${result.totalCount}}`);
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
      send(res, 200, getItem({ row, stores: deps.resources }, pathKey(row, req)));
    })
    .put(
      ...credentials,
      requireAnyRight(writeRight(row.name, 'Create'), writeRight(row.name, 'Update')),
      async (req, res) => {
        const text = String(req.params['key']);
        const { body, version } = readRowBody(req, res, deps, row, text);
        const key = row.key.fromPath(text);
        if (key === undefined) throw new AppError('not_found', { resource: row.name, id: text });
        const { item, created } = upsertItem(context(req, res), key, body, version);
        await deps.control.saved();
        send(res, created ? deps.config.putCreatedStatus : 200, item);
      },
    )
    .delete(...credentials, requireAnyRight(writeRight(row.name, 'Delete')), async (req, res) => {
      const item = deleteItem(context(req, res), pathKey(row, req));
      await deps.control.saved();
      send(res, 200, item);
    })
    .all(methodNotAllowed(['GET', 'PUT', 'DELETE']));

  return router;
}
