import { randomBytes } from 'node:crypto';

/** Where new identifiers come from; injected so tests can fix them. */
export interface IdGenerator {
  /** A new customer id: 24 lowercase hex characters, like the real API's ObjectIds. */
  customerId(): string;
  /** A trace id for an error body, W3C traceparent style as ASP.NET writes it. */
  traceId(): string;
}

export const randomIds: IdGenerator = {
  customerId: () => randomBytes(12).toString('hex'),
  traceId: () => `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`,
};

/** Sequential ids (`000000000000000000000001`, …) for tests. */
export function sequentialIds(start = 1): IdGenerator {
  let next = start;
  let trace = 0;
  return {
    customerId: () => (next++).toString(16).padStart(24, '0'),
    traceId: () => `00-${(++trace).toString(16).padStart(32, '0')}-${'0'.repeat(16)}-00`,
  };
}
