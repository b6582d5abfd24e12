import express, { type Router } from 'express';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { logQuery } from './control-input.js';

/**
 * `GET /_mock/notifications?since=&limit=`: the Notifications the hub sent after seq `since`, each with its seq,
 * and `last` (the newest seq ever given, so `?since={last}` is the next poll); `DELETE` clears the log
 * (src/control/CONTROL-API.md#notifications).
 */
export function notificationRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const log = deps.control.notifications;
  router
    .route('/notifications')
    .get((req, res) => {
      const items = log.items(logQuery(req)).map(({ seq, notification }) => ({ seq, notification }));
      res.json({ items, last: log.last, capacity: log.capacity, dropped: log.dropped });
    })
    .delete((_req, res) => {
      log.clear();
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'DELETE']));
  return router;
}
