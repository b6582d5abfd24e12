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
