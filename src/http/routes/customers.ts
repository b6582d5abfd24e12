import express, { type Request, type Response, type Router } from 'express';
import { customerChange } from '../../control/change-feed.js';
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  upsertCustomer,
  type WriteContext,
} from '../../core/customer-commands.js';
import type { StoredCustomer } from '../../domain/customer.js';
import { AppError } from '../../errors/app-error.js';
import { parseCustomerQuery, runCustomerQuery } from '../../ndata/index.js';
import { pathIdIssues, readCustomerBody } from '../body/customer-body.js';
import { customerJson, queryResultJson, sendJsonText } from '../customer-json.js';
import { normalizeDate } from '../../dates/read-date.js';
import { changeOriginOf } from '../connection-id.js';
import { principalOf } from '../context.js';
import type { AppDeps } from '../deps.js';
import { authenticate } from '../middleware/authenticate.js';
import { requireAnyRight } from '../middleware/authorize.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { rawBody } from '../middleware/raw-body.js';

function queryPairs(req: Request): [string, string][] {
  const at = req.originalUrl.indexOf('?');
  return at < 0 ? [] : [...new URLSearchParams(req.originalUrl.slice(at + 1))];
}

/** The Customers routes (docs/portos/customers.md#routes), thin: read input → core → status and body. */
export function customerRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const credentials = [rawBody(deps.config.bodyLimitBytes), authenticate(deps)];
  const resourceName = deps.config.customerResourceName;
  const onWrite =
    (req: Request, res: Response): NonNullable<WriteContext['onWrite']> =>
    (before, after) => {
      const { user } = principalOf(res);
      const origin = changeOriginOf(req, user, deps.ids);
      deps.control.feed.publish(customerChange(before, after, deps.clock.now(), user.userName), origin);
    };
  const writeContext = (req: Request, res: Response): WriteContext => ({
    store: deps.store,
    rights: principalOf(res).rights,
    newId: deps.ids.customerId,
    normalizeDate,
    resourceName,
    onWrite: onWrite(req, res),
  });
  const send = (res: Response, status: number, customer: StoredCustomer) => {
    if (status === 201 && deps.config.locationHeader)
      res.location(`${deps.config.basePath}/customers/${encodeURIComponent(customer.id)}`);
    sendJsonText(res, status, customerJson(customer, deps.clock.now()));
  };

  router
    .route('/customers')
    .get(...credentials, (req, res) => {
      const parsed = parseCustomerQuery(queryPairs(req), {
        strict: deps.config.strict,
        repeatedSingleParameter: deps.config.ndata.repeatedSingleParameter,
      });
      if (!parsed.ok) throw new AppError('validation_failed', { issues: parsed.issues });
      const now = deps.clock.now();
      const result = runCustomerQuery(parsed.query, deps.store, now, {
        stringOrder: deps.config.ndata.stringOrder,
        answerCache: deps.config.ndata.answerCache,
      });
      sendJsonText(res, 200, queryResultJson(result.items, result.count, result.totalCount, now));
    })
    .post(...credentials, requireAnyRight('customerCreate'), async (req, res) => {
      const customer = createCustomer(
        writeContext(req, res),
        readCustomerBody(req, res, deps, 'CustomerWrite', ['_v']),
      );
      await deps.control.saved();
      send(res, 201, customer);
    })
    .all(methodNotAllowed(['GET', 'POST']));

  router
    .route('/customers/:id')
    .get(...credentials, (req, res) => {
      send(res, 200, getCustomer({ store: deps.store, resourceName }, String(req.params['id'])));
    })
    .put(...credentials, requireAnyRight('customerCreate', 'customerUpdate'), async (req, res) => {
      const id = String(req.params['id']);
      const body = readCustomerBody(req, res, deps, 'CustomerReplace', ['id'], pathIdIssues(id));
      const { customer, created } = upsertCustomer(writeContext(req, res), id, body);
      await deps.control.saved();
      send(res, created ? deps.config.putCreatedStatus : 200, customer);
    })
    .delete(...credentials, requireAnyRight('customerDelete'), async (req, res) => {
      const id = String(req.params['id']);
      const customer = deleteCustomer({ store: deps.store, resourceName, onWrite: onWrite(req, res) }, id);
      await deps.control.saved();
      send(res, 200, customer);
    })
    .all(methodNotAllowed(['GET', 'PUT', 'DELETE']));

  return router;
}
