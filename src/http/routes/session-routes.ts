import express, { type Router } from 'express';
import type { SessionView } from '../../auth/auth-service.js';
import { AppError } from '../../errors/app-error.js';
import { filterOn } from '../../resources/engine/members.js';
import type { MemberTable } from '../../resources/engine/row-query.js';
import { sendJsonText } from '../customer-json.js';
import type { AppDeps } from '../deps.js';
import { credentialChain } from '../middleware/credentials.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { sendMemberList } from './member-list.js';

/** The filters of `GET /sessions`: the documented `sessionId` (the session's `id`) and `userName`. */
export const SESSION_TABLE: MemberTable<SessionView> = {
  members: { sessionId: filterOn.text('id'), userName: filterOn.text('userName') },
  sortable: ['id', 'userName', 'deviceName', 'createdAt', 'expiresAt'],
};

/**
 * `/sessions` and `/sessions/{id}` (docs/decisions.md#identity-resources): one session per bearer login, in
 * memory only. Any authenticated user may list and read them; `DELETE` needs no right and revokes the session's
 * access token and refresh token. Sessions raise no change events and are left alone by reset.
 */
export function sessionRoutes(deps: AppDeps): Router {
  const router = express.Router();
  const credentials = credentialChain(deps);
  const notFound = (id: string) => new AppError('not_found', { resource: 'session', id });

  router
    .route('/sessions')
    .get(...credentials, (req, res) => {
      sendMemberList(req, res, deps, SESSION_TABLE, deps.auth.sessions());
    })
    .all(methodNotAllowed(['GET']));

  router
    .route('/sessions/:id')
    .get(...credentials, (req, res) => {
      const id = String(req.params['id']);
      const session = deps.auth.sessions().find((s) => s.id === id);
      if (session === undefined) throw notFound(id);
      sendJsonText(res, 200, JSON.stringify(session));
    })
    .delete(...credentials, (req, res) => {
      const id = String(req.params['id']);
      const session = deps.auth.endSession(id);
      if (session === undefined) throw notFound(id);
      sendJsonText(res, 200, JSON.stringify(session));
    })
    .all(methodNotAllowed(['GET', 'DELETE']));

  return router;
}
