import express, { type Request, type Router } from 'express';
import { SNAPSHOT_NAME, type Snapshot } from '../../control/snapshots.js';
import { stateDocument } from '../../control/state-file.js';
import { AppError } from '../../errors/app-error.js';
import { issue } from '../../errors/issue.js';
import { contextOf } from '../context.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { controlBody } from './control-input.js';
import { dataOfBody } from './data-routes.js';

function nameOf(req: Request): string {
  const name = String(req.params['name']);
  if (!SNAPSHOT_NAME.test(name))
    throw new AppError('validation_failed', {
      issues: [issue('control.syntax', 'name', { example: 'before-checkout_1' })],
    });
  return name;
}

/** A snapshot's name, time and item counts (`customers` and one per row). */
function summary(snapshot: Snapshot) {
  const { customers, resources } = snapshot.data;
  const counts = Object.fromEntries(Object.entries(resources).map(([segment, items]) => [segment, items.length]));
  return {
    name: snapshot.name,
    takenAt: new Date(snapshot.takenAt).toISOString(),
    customers: customers.length,
    ...counts,
  };
}

/**
 * `/_mock/snapshots`: take (`PUT`: the current data, or the data in the body, the resources it does not name as
 * they are now), list, download (`GET`), restore and delete named snapshots. A snapshot holds every resource. An
 * unknown name is a 404 `not_found` naming the snapshot.
 */
export function snapshotRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const { control } = deps;
  const existing = (name: string): Snapshot => {
    const snapshot = control.snapshots.get(name);
    if (snapshot === undefined) throw new AppError('not_found', { resource: 'snapshot', id: name });
    return snapshot;
  };

  router
    .route('/snapshots')
    .get((_req, res) => res.json({ items: control.snapshots.list().map(summary) }))
    .all(methodNotAllowed(['GET']));
  router
    .route('/snapshots/:name')
    .get((req, res) => {
      const snapshot = existing(nameOf(req));
      res.json(stateDocument(snapshot.data, snapshot.takenAt));
    })
    .put((req, res) => {
      const name = nameOf(req);
      const current = control.data();
      const given = contextOf(res).rawBody.length === 0 ? {} : dataOfBody(controlBody(req, res), deps);
      const data = {
        customers: given.customers ?? current.customers,
        resources: { ...current.resources, ...given.resources },
      };
      const { snapshot, replaced } = control.snapshots.save(name, data, control.clock.now());
      res.status(replaced ? 200 : 201).json(summary(snapshot));
    })
    .delete((req, res) => {
      existing(nameOf(req));
      control.snapshots.delete(nameOf(req));
      res.status(204).end();
    })
    .all(methodNotAllowed(['GET', 'PUT', 'DELETE']));
  router
    .route('/snapshots/:name/restore')
    .post(async (req, res) => {
      const name = nameOf(req);
      existing(name);
      const data = control.snapshots.copyOf(name);
      if (data !== undefined) control.replaceData(data, 'restore', name);
      await control.saved();
      res.json({ name, ...control.counts(), storeVersion: control.storeVersion });
    })
    .all(methodNotAllowed(['POST']));
  return router;
}
