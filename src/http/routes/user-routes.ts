import express, { type Router } from 'express';
import type { UserView } from '../../auth/auth-service.js';
import { AppError } from '../../errors/app-error.js';
import { filterOn } from '../../resources/engine/members.js';
import type { MemberTable } from '../../resources/engine/row-query.js';
import { sendJsonText } from '../customer-json.js';
import type { AppDeps } from '../deps.js';
import { credentialChain } from '../middleware/credentials.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { sendMemberList } from './member-list.js';

/** The documented filters of `GET /users` (docs/decisions.md#catalogue-ndata) and its sortable members. */
export const USER_TABLE: MemberTable<UserView> = {
  members: {
    isActive: filterOn.bool('isActive'),
    isVirtual: filterOn.bool('isVirtual'),
    featureName: filterOn.text('featureName', true),
    userName: filterOn.text('userName'),
    name: filterOn.text('name'),
  },
  sortable: ['id', 'isActive', 'isVirtual', 'userName', 'featureName', 'name'],
};

/**
 * `/users` and `/users/{id}` (docs/decisions.md#identity-resources): the identities, each on every device of
 * `/devices` with its roles, never with a password; any authenticated user may read them; writes are a 405.
 */
export function userRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const credentials = credentialChain(deps);

  router
    .route('/users')
    .get(...credentials, (req, res) => {
      sendMemberList(req, res, deps, USER_TABLE, deps.auth.users());
    })
    .all(methodNotAllowed(['GET']));

  router
    .route('/users/:id')
    .get(...credentials, (req, res) => {
      const id = String(req.params['id']);
      const user = deps.auth.users().find((u) => u.id === id);
      if (user === undefined) throw new AppError('not_found', { resource: 'user', id });
      sendJsonText(res, 200, JSON.stringify(user));
    })
    .all(methodNotAllowed(['GET']));

  return router;
}
