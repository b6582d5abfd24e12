/**
 * How a lock is kept and listed (`GET /_mock/locks`): a customer by its bare id (as before other resources had
 * locks), an item of any other resource as `{segment}/{key}` (`stocks/S01`, `vats/3`). Customer ids cannot hold
 * a `/`, so the two never meet (src/control/CONTROL-API.md#locks).
 */
export function lockKey(segment: string, key: string): string {
  return segment === 'customers' ? key : `${segment}/${key}`;
}
