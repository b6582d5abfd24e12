import express, { type Router } from 'express';
import type { BoundedLog, Numbered } from '../../control/bounded-log.js';
import type { ChangeEvent } from '../../control/change-feed.js';
import { issue } from '../../errors/issue.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { controlObject, logQuery } from './control-input.js';

function page<T extends object>(log: BoundedLog<T>, query: { since?: number; limit?: number }) {
  return { items: log.items(query), capacity: log.capacity, dropped: log.dropped };
}

/** The change log shows times as ISO text. */
function shownChange(change: ChangeEvent & { seq: number }) {
  return { ...change, at: new Date(change.at).toISOString() };
}

/** `GET path` reads a log (`?since=&limit=`), each entry as `show` gives it; `DELETE path` clears it. */
function logRoute<T extends object>(
  router: Router,
  path: string,
  log: BoundedLog<T>,
  show: (entry: Numbered<T>) => object,
): void {
  router
    .route(path)
    .get((req, res) => {
      const shown = page(log, logQuery(req));
      res.json({ ...shown, items: shown.items.map(show) });
    })
    .delete((_req, res) => {
      log.clear();
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'DELETE']));
}

/** A webhook receiver as the control API shows it (never its secret). */
function shownTarget(target: { url: string; secret?: string; resources?: readonly string[] }) {
  return { url: target.url, signed: (target.secret ?? '') !== '', resources: target.resources ?? null };
}

/** `/_mock/requests`, `/_mock/changes` and `/_mock/webhooks` (targets and delivery attempts): read or clear. */
export function logRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const { requests, changes, deliveries, webhooks } = deps.control;

  logRoute(router, '/requests', requests, (entry) => entry);
  logRoute(router, '/changes', changes, shownChange);
  router
    .route('/webhooks')
    .get((req, res) => {
      res.json({ targets: webhooks.targets().map(shownTarget), deliveries: page(deliveries, logQuery(req)) });
    })
    .post((req, res) => {
      const target = controlObject(req, res, ['url', 'secret', 'resources'], (input) => {
        const url = input.string('url', true);
        const secret = input.string('secret');
        const resources = input.raw('resources');
        const listed =
          Array.isArray(resources) && resources.every((r) => typeof r === 'string')
            ? (resources as string[])
            : undefined;
        if (resources !== undefined && listed === undefined)
          input.issues.push(issue('control.type', 'resources', { expected: 'array' }));
        if (url !== undefined && !/^https?:\/\/\S+$/.test(url))
          input.issues.push(issue('control.syntax', 'url', { example: 'http://127.0.0.1:4000/hooks' }));
        return url === undefined
          ? undefined
          : {
              url,
              ...(secret === undefined ? {} : { secret }),
              ...(listed === undefined ? {} : { resources: listed }),
            };
      });
      webhooks.add(target);
      res.status(201).json(shownTarget(target));
    })
    .delete((_req, res) => {
      webhooks.clear();
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'POST', 'DELETE']));
  return router;
}
