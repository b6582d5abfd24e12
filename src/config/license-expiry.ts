import { readDate } from '../dates/read-date.js';
import type { Config } from './config.js';
import { ConfigError } from './load-config.js';

/** `license.expirationTime` as epoch ms, read once by the routes that need it; a start error when it is no date. */
export function licenseExpiresAtMs(license: Config['license']): number {
  const at = readDate(license.expirationTime);
  if (at === undefined)
    throw new ConfigError(`license.expirationTime: "${license.expirationTime}" is not an ISO 8601 date-time`);
  return at;
}
