import { generateCustomers } from '/work/main/src/store/seed.ts';
import { CustomerStore } from '/work/main/src/store/customer-store.ts';
import { parseCustomerQuery, runCustomerQuery } from '/work/main/src/ndata/index.ts';
import { toCustomer } from '/work/main/src/domain/derive.ts';

const QUERIES = [
  'DiscountRate=gte:5;lte:30&IsActive=true&$sort=lastName,-discountRate&$take=50',
  'Search=ova&$count=true',
  'Search=nov&$take=20',
  '$sort=fullName&$take=50',
  '$sort=status,-expirationTime&$take=50',
  'IsExpired=true&$count=true',
  'CardSerialNumber=startswith:1&$take=10',
  'ExternalId=notnull&$sort=-company.name&$skip=100&$take=50',
  '$take=50',
];
const now = Date.parse('2025-06-01T12:00:00Z');
for (const count of [10_000, 100_000]) {
  const t0 = performance.now();
  const customers = generateCustomers({ seed: 42, count });
  const t1 = performance.now();
  const store = new CustomerStore(customers);
  console.log(`\n${count} customers (generate ${(t1 - t0).toFixed(0)} ms)`);
  for (const q of QUERIES) {
    const pairs = [...new URLSearchParams(q)];
    const parsed = parseCustomerQuery(pairs, { strict: false, repeatedSingleParameter: 'first' });
    if (!parsed.ok) { console.log('ISSUES', q, parsed.issues); continue; }
    // force a fresh view (no cache): touch by replace? we measure first (cold), then uncached (new query object key same...) 
    const c0 = performance.now();
    const first = runCustomerQuery(parsed.query, store, now, { stringOrder: 'ordinal' });
    const c1 = performance.now();
    // uncached: vary skip a bit so the key differs
    const N = count === 10_000 ? 200 : 30;
    const times: number[] = [];
    for (let i = 0; i < N; i++) {
      const q2 = { ...parsed.query, skip: parsed.query.skip + (i % 2 === 0 ? 0 : 0) , take: parsed.query.take === undefined ? undefined : parsed.query.take + 1 + i };
      const s = performance.now();
      runCustomerQuery(q2, store, now + i, { stringOrder: 'ordinal' });
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const h0 = performance.now();
    for (let i = 0; i < 1000; i++) runCustomerQuery(parsed.query, store, now, { stringOrder: 'ordinal' });
    const hit = (performance.now() - h0) / 1000;
    const ser0 = performance.now();
    JSON.stringify({ items: first.items?.map((c) => toCustomer(c, now)), count: first.count, totalCount: first.totalCount });
    const ser = performance.now() - ser0;
    console.log(`${q}\n   total=${first.totalCount} count=${first.count} cold=${(c1 - c0).toFixed(2)}ms uncached median=${times[N >> 1]!.toFixed(3)}ms p99=${times[Math.floor(N * 0.99)]!.toFixed(3)}ms cached=${(hit * 1000).toFixed(1)}µs serialize=${ser.toFixed(2)}ms`);
  }
}
