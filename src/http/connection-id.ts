import type { Request } from 'express';
import type { ChangeOrigin } from '../control/change-feed.js';
import type { IdGenerator } from '../store/ids.js';

/** Ids given to HTTP connections (sockets), one each, made on first use. */
const IDS = new WeakMap<object, string>();

/** The mock's id of the HTTP connection `socket`, like ASP.NET's `HttpContext.Connection.Id`. */
export function connectionIdOf(socket: object, newId: () => string): string {
  let id = IDS.get(socket);
  if (id === undefined) {
    id = newId();
    IDS.set(socket, id);
  }
  return id;
}

/** Where a write came from, for its notification: the HTTP connection, the writer (or none), a fresh `r`. */
export function changeOriginOf(
  req: Request,
  user: { userName: string; device: { name: string } | null } | null,
  ids: Pick<IdGenerator, 'connectionId' | 'notificationId'>,
): ChangeOrigin {
  return {
    connection: connectionIdOf(req.socket, ids.connectionId),
    user: user === null ? null : { userName: user.userName, deviceName: user.device?.name ?? null },
    reference: ids.notificationId(),
  };
}
