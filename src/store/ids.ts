import { randomBytes } from 'node:crypto';

/** Where new identifiers come from; injected so tests can fix them. */
export interface IdGenerator {
  /** A new customer id: 24 lowercase hex characters, like the real API's ObjectIds. */
  customerId(): string;
  /** A trace id for an error body, W3C traceparent style as ASP.NET writes it. */
  traceId(): string;
  /** A notification's reference `r`: 24 lowercase hex characters. */
  notificationId(): string;
  /** The id of an HTTP connection (a notification's `s.c`), ASP.NET style (`0H` + 11 base-32 characters). */
  connectionId(): string;
  /** `count` lowercase hex characters (generated API key credentials). */
  hex(count: number): string;
}

const BASE32 = '0123456789ABCDEFGHIJKLMNOPQRSTUV';

/** `0H` and the low 55 bits of `n` in 11 base-32 digits, as Kestrel writes its connection ids. */
function kestrelId(n: bigint): string {
  let text = '';
  for (let i = 0; i < 11; i++) text = BASE32[Number((n >> BigInt(5 * i)) & 31n)] + text;
  return `0H${text}`;
}

export const randomIds: IdGenerator = {
  customerId: () => randomBytes(12).toString('hex'),
  traceId: () => `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`,
  notificationId: () => randomBytes(12).toString('hex'),
  connectionId: () => kestrelId(randomBytes(8).readBigUInt64BE()),
  hex: (count) =>
    randomBytes(Math.ceil(count / 2))
      .toString('hex')
      .slice(0, count),
};

/** Sequential ids (`000000000000000000000001`, …) for tests. */
export function sequentialIds(start = 1): IdGenerator {
  let next = start;
  let trace = 0;
  let notification = 0;
  let connection = 0n;
  let hex = 0;
  return {
    customerId: () => (next++).toString(16).padStart(24, '0'),
    traceId: () => `00-${(++trace).toString(16).padStart(32, '0')}-${'0'.repeat(16)}-00`,
    notificationId: () => (++notification).toString(16).padStart(24, 'f'),
    connectionId: () => kestrelId(++connection),
    hex: (count) => (++hex).toString(16).padStart(count, 'a'),
  };
}
