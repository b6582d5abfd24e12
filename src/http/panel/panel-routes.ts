import express, { type Request, type Router } from 'express';
import { CONTROL_TOKEN_CHALLENGE } from '../../control/control-token.js';
import { controlGuard, controlTokenOf } from '../control/control-guard.js';
import { logQuery } from '../control/control-input.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { searchCustomers } from './customer-search.js';
import { PANEL_SCRIPT } from './panel-script.js';
import { PANEL_STYLE } from './panel-style.js';
import { customersSection } from './panel-customers.js';
import { NOTIFICATION_ROWS, notificationsSection } from './panel-notifications.js';
import { faultsSection } from './panel-faults.js';
import { renderPanelPage, renderTokenPage } from './panel-page.js';
import { REQUEST_ROWS, requestRows, requestsSection } from './panel-requests.js';
import { clockSection, dataSection, locksSection, resourcesSection } from './panel-state.js';

function queryOf(req: Request): URLSearchParams {
  const at = req.originalUrl.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : req.originalUrl.slice(at + 1));
}

/**
 * The control panel (mount at `{control.prefix}/ui`): one server-rendered page over the control plane, whose forms
 * the page's script sends to the control API; `/requests?since=N` gives new request-log rows for the live log
 * (the live notifications poll `{control.prefix}/notifications` itself).
 * With a control token, the page without it is a 401 with no data (its script asks for the token and loads the
 * page with it); the script and the stylesheet need no token; everything else goes through the control guard.
 */
export function panelRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const { control, config } = deps;
  const prefix = config.control.prefix;
  const tokenFailure = controlTokenOf(config.control);

  router.get('/panel.js', (_req, res) => res.type('text/javascript').send(PANEL_SCRIPT));
  router.get('/panel.css', (_req, res) => res.type('text/css').send(PANEL_STYLE));
  router.get('/', (req, res, next) => {
    if (tokenFailure(req) === null) return next();
    res
      .status(401)
      .set('WWW-Authenticate', CONTROL_TOKEN_CHALLENGE)
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(renderTokenPage(req.baseUrl).text);
  });
  router.use(controlGuard(config.control));
  router
    .route('/')
    .get((req, res) => {
      const panel = req.baseUrl;
      const params = queryOf(req);
      const form = { search: params.get('search') ?? '', q: params.get('q') ?? '', panel, basePath: config.basePath };
      const locks = [...control.locks];
      const items = control.counts();
      const counts = {
        customers: items['customers'] ?? 0,
        faults: control.faults.size,
        locks: locks.length,
        snapshots: control.snapshots.size,
      };
      const page = renderPanelPage(
        { panel, prefix, basePath: config.basePath, docs: config.docs.enabled, counts },
        {
          customers: customersSection(searchCustomers(deps, form.search, form.q), new Set(locks), form, prefix),
          requests: requestsSection(control.requests.items({ limit: REQUEST_ROWS }), prefix, panel),
          notifications: notificationsSection(
            control.notifications.items({ limit: NOTIFICATION_ROWS }),
            control.notifications.last,
            prefix,
          ),
          faults: faultsSection(control.faults.list(), prefix, config.control.faultHeader),
          resources: resourcesSection(items, prefix),
          locks: locksSection(locks, Object.keys(items), prefix),
          clock: clockSection(control.clock.state(), prefix),
          data: dataSection(
            control.snapshots.list(),
            { customers: counts.customers, storeVersion: control.storeVersion },
            prefix,
          ),
        },
      );
      res.type('html').set('Cache-Control', 'no-store').send(page.text);
    })
    .all(methodNotAllowed(['GET']));
  router.get('/requests', (req, res) => {
    const { since = 0 } = logQuery(req);
    const records = control.requests.items({ since, limit: REQUEST_ROWS });
    res
      .set('X-Last-Seq', String(records[records.length - 1]?.seq ?? since))
      .type('html')
      .set('Cache-Control', 'no-store')
      .send(requestRows(records).text);
  });
  return router;
}
