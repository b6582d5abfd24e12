import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, test } from 'node:test';
import fc from 'fast-check';
import request from 'supertest';
import type { StoredCustomer } from '../../src/domain/customer.js';
import { viewOf } from '../../src/ndata/store-view.js';
import { makeTestApp } from '../support/app.js';

/*
 * The mock's GET /customers against a naive reference written here from docs/decisions.md#ndata (GET
 * /customers), over random customers and random valid queries: Array.filter, a stable Array.sort, slice.
 * Nothing from src/ndata is used by the reference, so a shared misunderstanding cannot hide (only the
 * second property reaches in, to empty the answer cache).
 */

const NOW = Date.parse('2025-06-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

// Small pools, so that filters hit and sort keys tie.
const TIMES = [NOW - 1, NOW, NOW + 1, Date.parse('2024-12-31T23:59:59Z'), Date.parse('2030-01-01T00:00:00Z')].map(iso);
const EXTERNAL_IDS = ['A', 'B', 'a', 'ab', 'A:B', "O'B", '', 'Ž', 'a;b', 'in', 'null', 'x,y', "'q"];
const NAMES = ['Novák', 'Nováková', 'novák', 'Ábel', 'Zeman', 'anna', 'Anna', '', 'Šťastná', 'Kováč'];
const SERIALS = ['C1', 'c1', 'C2', 'X-1', 'C:1', 'ab', 'ž'];
const RATES = [0, 1.25, 5, 5.5, 10, 30, 100];
const NOTES = ['VIP', 'pozor: nová', 'ab;cd', 'Nováková'];
// 'nováč' shares its rarest trigram with 'Kováč' only: an index must still check the whole needle.
const SEARCHES = [
  '',
  'nov',
  'NOVÁK',
  'ová',
  'ovák',
  'nováč',
  'a',
  'Ž',
  'sk1',
  'pozor: n',
  'ab;cd',
  'VIP',
  ' ',
  "O'B",
  'vá',
];

const nullable = <T>(values: readonly T[]) => fc.option(fc.constantFrom(...values), { nil: null, freq: 4 });

const customerArb = fc.record({
  externalId: nullable(EXTERNAL_IDS),
  isActive: fc.boolean(),
  activationTime: nullable(TIMES),
  expirationTime: nullable(TIMES),
  firstName: nullable(NAMES),
  lastName: nullable(NAMES),
  company: fc.option(
    fc.record({
      name: nullable(['Žltý Kôň', 'ova s.r.o.', 'Anna']),
      vatId: nullable(['SK1', 'sk2']),
      taxId: nullable(['T1', '20']),
    }),
    { nil: null },
  ),
  serials: fc.array(nullable(SERIALS), { maxLength: 3 }),
  creditRate: fc.constantFrom(...RATES),
  discountRate: fc.constantFrom(...RATES),
  amount: fc.constantFrom(0, 1, 7.5, 100),
  note: nullable(NOTES),
  v: fc.integer({ min: 1, max: 3 }),
});

type Generated = fc.Arbitrary<StoredCustomer[]>;

type GeneratedCustomer = typeof customerArb extends fc.Arbitrary<infer T> ? T : never;

const toCustomers = (list: readonly GeneratedCustomer[]): StoredCustomer[] =>
  list.map((g, i) => ({
    id: `c${String(i).padStart(2, '0')}`,
    externalId: g.externalId,
    isActive: g.isActive,
    activationTime: g.activationTime,
    expirationTime: g.expirationTime,
    firstName: g.firstName,
    lastName: g.lastName,
    gender: null,
    birthDate: null,
    email: null,
    phone: null,
    isCompany: g.company !== null,
    company: g.company === null ? null : { ...g.company, crn: null },
    address: null,
    deliveryAddress: null,
    credit: { amount: g.amount, currencyLabel: g.amount === 0 ? null : 'EUR' },
    creditTransactions: [],
    cards: g.serials.map((serialNumber) => ({
      externalId: null,
      isActive: true,
      isVirtual: false,
      serialNumber,
      processor: null,
      status: 'Valid',
      statusTime: null,
      statusReason: null,
      activationTime: null,
      expirationTime: null,
      note: null,
      meta: null,
    })),
    creditRate: g.creditRate,
    discountRate: g.discountRate,
    note: g.note,
    meta: {},
    _v: g.v,
  }));

const customersArb: Generated = fc.array(customerArb, { maxLength: 12 }).map(toCustomers);

// ---- the reference, from docs/decisions.md#ndata -------------------------------------------------------

type V = string | number | boolean;
type Kind = 'decimal' | 'bool' | 'DateTime' | 'string';

const MEMBERS = {
  CardSerialNumber: { kind: 'string', nullable: true, pool: SERIALS },
  ExternalId: { kind: 'string', nullable: true, pool: EXTERNAL_IDS },
  CreditRate: { kind: 'decimal', nullable: false, pool: RATES },
  DiscountRate: { kind: 'decimal', nullable: false, pool: RATES },
  IsActive: { kind: 'bool', nullable: false, pool: [true, false] },
  ExpirationTime: { kind: 'DateTime', nullable: true, pool: TIMES },
} as const satisfies Record<string, { kind: Kind; nullable: boolean; pool: readonly V[] }>;
type Member = keyof typeof MEMBERS;

const OPS_BY_KIND: Record<Kind, string[]> = {
  decimal: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'between'],
  DateTime: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'nin', 'between', 'null', 'notnull'],
  bool: ['eq', 'neq', 'in', 'nin'],
  string: [
    'eq',
    'neq',
    'gt',
    'gte',
    'lt',
    'lte',
    'in',
    'nin',
    'between',
    'contains',
    'startswith',
    'endswith',
    'null',
    'notnull',
  ],
};
const OPERATOR_NAMES = [...new Set(Object.values(OPS_BY_KIND).flat())];

interface Operation {
  op: string;
  args: V[];
  bare: boolean;
  opCase: 'lower' | 'upper';
  quoteAll: boolean;
}

const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const cmp = (a: V, b: V) => (typeof a === 'string' && typeof b === 'string' ? ordinal(a, b) : Number(a) - Number(b));
const asValue = (member: Member, v: V): V => (MEMBERS[member].kind === 'DateTime' ? Date.parse(String(v)) : v);

function holds(op: string, x: V | null, args: readonly V[]): boolean {
  const [a = '', b = ''] = args;
  switch (op) {
    case 'eq':
      return x !== null && x === a;
    case 'neq':
      return x === null || x !== a;
    case 'gt':
      return x !== null && cmp(x, a) > 0;
    case 'gte':
      return x !== null && cmp(x, a) >= 0;
    case 'lt':
      return x !== null && cmp(x, a) < 0;
    case 'lte':
      return x !== null && cmp(x, a) <= 0;
    case 'in':
      return x !== null && args.includes(x);
    case 'nin':
      return x === null || !args.includes(x);
    case 'between':
      return x !== null && cmp(x, a) >= 0 && cmp(x, b) <= 0;
    case 'contains':
      return x !== null && String(x).toLowerCase().includes(String(a).toLowerCase());
    case 'startswith':
      return x !== null && String(x).toLowerCase().startsWith(String(a).toLowerCase());
    case 'endswith':
      return x !== null && String(x).toLowerCase().endsWith(String(a).toLowerCase());
    case 'null':
      return x === null;
    case 'notnull':
      return x !== null;
    default:
      throw new Error(op);
  }
}

function valuesOf(member: Member, c: StoredCustomer): (V | null)[] {
  switch (member) {
    case 'CardSerialNumber':
      return c.cards.map((card) => card.serialNumber);
    case 'ExternalId':
      return [c.externalId];
    case 'CreditRate':
      return [c.creditRate];
    case 'DiscountRate':
      return [c.discountRate];
    case 'IsActive':
      return [c.isActive];
    case 'ExpirationTime':
      return [c.expirationTime === null ? null : Date.parse(c.expirationTime)];
  }
}

const statusOf = (c: StoredCustomer) =>
  c.expirationTime !== null && Date.parse(c.expirationTime) <= NOW
    ? 'Expired'
    : c.activationTime !== null && Date.parse(c.activationTime) > NOW
      ? 'NotYetValid'
      : 'Valid';

const SORT_KEYS: Record<string, (c: StoredCustomer) => V | null> = {
  id: (c) => c.id,
  externalId: (c) => c.externalId,
  isActive: (c) => (c.isActive ? 1 : 0),
  status: statusOf,
  activationTime: (c) => (c.activationTime === null ? null : Date.parse(c.activationTime)),
  expirationTime: (c) => (c.expirationTime === null ? null : Date.parse(c.expirationTime)),
  firstName: (c) => c.firstName,
  lastName: (c) => c.lastName,
  fullName: (c) => `${c.firstName ?? ''} ${c.lastName ?? ''}`.trim(),
  'company.name': (c) => c.company?.name ?? null,
  'company.vatId': (c) => c.company?.vatId ?? null,
  'credit.amount': (c) => c.credit.amount,
  'credit.currencyLabel': (c) => c.credit.currencyLabel,
  creditRate: (c) => c.creditRate,
  discountRate: (c) => c.discountRate,
  note: (c) => c.note,
  _v: (c) => c._v,
};

interface SortItem {
  key: string;
  form: 'plain' | 'asc' | 'desc' | 'minus' | 'minusDesc';
  upper: boolean;
}

interface Query {
  filters: { member: Member; operations: Operation[]; splitAt: number; nameCase: 'as' | 'lower' | 'upper' }[];
  isExpired: boolean | undefined;
  search: string | undefined;
  sort: SortItem[];
  skip: number | undefined;
  take: number | undefined;
  count: boolean | undefined;
}

function reference(customers: readonly StoredCustomer[], q: Query) {
  let rows = customers.filter((c) =>
    q.filters.every(({ member, operations }) => {
      const ok = (x: V | null) =>
        operations.every((o) =>
          holds(
            o.op,
            x,
            o.args.map((a) => asValue(member, a)),
          ),
        );
      return member === 'CardSerialNumber' ? valuesOf(member, c).some(ok) : ok(valuesOf(member, c)[0] ?? null);
    }),
  );
  if (q.isExpired !== undefined) rows = rows.filter((c) => (statusOf(c) === 'Expired') === q.isExpired);
  if (q.search !== undefined && q.search !== '') {
    const needle = q.search.toLowerCase();
    rows = rows.filter((c) =>
      [c.firstName, c.lastName, c.company?.name, c.company?.vatId, c.company?.taxId, c.note].some((f) =>
        f?.toLowerCase().includes(needle),
      ),
    );
  }
  const seen = new Set<string>();
  const keys = q.sort.filter((s) => !seen.has(s.key) && seen.add(s.key) !== undefined);
  const sorted = [...rows].sort((a, b) => {
    for (const s of keys) {
      const get = SORT_KEYS[s.key];
      if (get === undefined) throw new Error(s.key);
      const [x, y] = [get(a), get(b)];
      const asc = x === y ? 0 : x === null ? -1 : y === null ? 1 : cmp(x, y);
      const d = s.form === 'plain' || s.form === 'asc' ? asc : -asc;
      if (d !== 0) return d;
    }
    return 0;
  });
  const skip = q.skip ?? 0;
  const page = sorted.slice(skip, q.take === undefined ? undefined : skip + q.take);
  return { ids: page.map((c) => c.id), count: page.length, totalCount: rows.length };
}

// ---- rendering a query as NData text -------------------------------------------------------------

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const text = (v: V) => (typeof v === 'boolean' ? String(v) : String(v));
/** Text that would otherwise be read differently: a `;`, or a `'` where a quoted argument may start. */
const unsafe = (t: string) => t.includes(';') || /(^|[;:,])'/.test(t);

function renderArg(v: V, splitOn: string | undefined, quoteAll: boolean): string {
  const t = text(v);
  return quoteAll || unsafe(t) || t === '' || (splitOn !== undefined && t.includes(splitOn)) ? quote(t) : t;
}

function renderOperation(o: Operation): string {
  const name = o.opCase === 'upper' ? o.op.toUpperCase() : o.op;
  if (o.bare) {
    const t = text(o.args[0] ?? '');
    const head = (t.split(':')[0] ?? '').toLowerCase();
    return o.quoteAll || unsafe(t) || t === '' || OPERATOR_NAMES.includes(head) ? quote(t) : t;
  }
  if (o.args.length === 0) return name;
  if (o.op === 'between') return `${name}:${o.args.map((a) => renderArg(a, ':', o.quoteAll)).join(':')}`;
  if (o.op === 'in' || o.op === 'nin') return `${name}:${o.args.map((a) => renderArg(a, ',', o.quoteAll)).join(',')}`;
  return `${name}:${renderArg(o.args[0] ?? '', undefined, o.quoteAll)}`;
}

function render(q: Query): string {
  const parts: [string, string][] = [];
  for (const f of q.filters) {
    const name =
      f.nameCase === 'lower' ? f.member.toLowerCase() : f.nameCase === 'upper' ? f.member.toUpperCase() : f.member;
    const ops = f.operations.map(renderOperation);
    const at = Math.min(f.splitAt, ops.length);
    if (at > 0 && at < ops.length) parts.push([name, ops.slice(0, at).join(';')], [name, ops.slice(at).join(';')]);
    else parts.push([name, ops.join(';')]);
  }
  if (q.isExpired !== undefined) parts.push(['IsExpired', String(q.isExpired)]);
  if (q.search !== undefined) parts.push(['search', q.search]);
  if (q.sort.length > 0) {
    const items = q.sort.map((s) => {
      const key = s.upper ? s.key.toUpperCase() : s.key;
      return { plain: key, asc: `${key}:asc`, desc: `${key}:DESC`, minus: `-${key}`, minusDesc: `-${key}:desc` }[
        s.form
      ];
    });
    parts.push(['$sort', items.join(',')]);
  }
  if (q.skip !== undefined) parts.push(['$skip', String(q.skip)]);
  if (q.take !== undefined) parts.push(['$take', String(q.take)]);
  if (q.count !== undefined) parts.push(['$count', String(q.count)]);
  return parts.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

// ---- random queries ------------------------------------------------------------------------------

function operationArb(member: Member): fc.Arbitrary<Operation> {
  const { kind, nullable: canBeNull, pool } = MEMBERS[member];
  const ops = OPS_BY_KIND[kind].filter((op) => canBeNull || (op !== 'null' && op !== 'notnull'));
  const value = fc.constantFrom<V>(...pool);
  return fc
    .record({
      op: fc.constantFrom(...ops),
      one: value,
      two: fc.tuple(value, value),
      list: fc.array(value, { minLength: 1, maxLength: 3 }),
      bare: fc.boolean(),
      opCase: fc.constantFrom('lower' as const, 'upper' as const),
      quoteAll: fc.boolean(),
    })
    .map((r) => {
      const args =
        r.op === 'null' || r.op === 'notnull'
          ? []
          : r.op === 'between'
            ? [...r.two]
            : r.op === 'in' || r.op === 'nin'
              ? r.list
              : [r.one];
      return { op: r.op, args, bare: r.op === 'eq' && r.bare, opCase: r.opCase, quoteAll: r.quoteAll };
    });
}

const memberArb = fc.constantFrom(...(Object.keys(MEMBERS) as Member[]));

const queryArb: fc.Arbitrary<Query> = fc.record({
  filters: fc.uniqueArray(memberArb, { maxLength: 3 }).chain((members) =>
    fc.tuple(
      ...members.map((member) =>
        fc.record({
          member: fc.constant(member),
          operations: fc.array(operationArb(member), { minLength: 1, maxLength: 3 }),
          splitAt: fc.nat(3),
          nameCase: fc.constantFrom('as' as const, 'lower' as const, 'upper' as const),
        }),
      ),
    ),
  ),
  isExpired: fc.option(fc.boolean(), { nil: undefined, freq: 3 }),
  search: fc.option(fc.constantFrom(...SEARCHES), { nil: undefined, freq: 2 }),
  sort: fc.array(
    fc.record({
      key: fc.constantFrom(...Object.keys(SORT_KEYS)),
      form: fc.constantFrom('plain' as const, 'asc' as const, 'desc' as const, 'minus' as const, 'minusDesc' as const),
      upper: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  skip: fc.option(fc.nat(8), { nil: undefined }),
  take: fc.option(fc.nat(8), { nil: undefined }),
  count: fc.option(fc.boolean(), { nil: undefined, freq: 4 }),
});

// ---- the properties ------------------------------------------------------------------------------

const made = makeTestApp({ now: NOW, config: { strict: true } });
const server = createServer(made.app);
after(() => server.close());
let queries = 0;

async function agree(customers: readonly StoredCustomer[], q: Query): Promise<void> {
  const qs = render(q);
  const res = await request(server).get(`/customers?${qs}`).set(made.auth('viewer'));
  queries += 1;
  assert.equal(res.status, 200, `${qs}\n${JSON.stringify(res.body)}`);
  const expected = reference(customers, q);
  const got = {
    ids: q.count === true ? expected.ids : res.body.items.map((c: { id: string }) => c.id),
    count: res.body.count,
    totalCount: res.body.totalCount,
  };
  assert.deepEqual(got, expected, qs);
  assert.equal('items' in res.body, q.count !== true, qs);
}

test('random queries over random customers agree with the reference (a fresh store each run)', async () => {
  await fc.assert(
    fc.asyncProperty(customersArb, fc.array(queryArb, { minLength: 1, maxLength: 2 }), async (customers, qs) => {
      made.store.replaceAll(customers);
      for (const q of qs) await agree(customers, q);
    }),
    { numRuns: 500 },
  );
});

const LONG_SEARCHES = SEARCHES.filter((text) => text.length >= 3);

/** Queries that all search (three or more characters) and sort by the same few keys, so indexes get built. */
const focusedQueriesArb = fc
  .record({
    queries: fc.array(queryArb, { minLength: 8, maxLength: 8 }),
    keys: fc.shuffledSubarray(Object.keys(SORT_KEYS), { minLength: 1, maxLength: 2 }),
    searches: fc.array(fc.oneof(fc.constant('nováč'), fc.constantFrom(...LONG_SEARCHES)), {
      minLength: 8,
      maxLength: 8,
    }),
    descending: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  })
  .map(({ queries, keys, searches, descending }) =>
    queries.map(
      (q, i): Query => ({
        ...q,
        search: searches[i],
        sort: keys.map((key) => ({ key, form: descending[i] === true ? 'minus' : 'plain', upper: false })),
      }),
    ),
  );

test('the same queries again and again on one store (cache, Search index, sort ranks), with a write between', async () => {
  await fc.assert(
    fc.asyncProperty(customersArb, focusedQueriesArb, fc.constantFrom(...RATES), async (customers, qs, rate) => {
      made.store.replaceAll(customers);
      let current = customers;
      for (let round = 0; round < 12; round++) {
        if (round === 6 && current[0] !== undefined) {
          const changed = { ...current[0], discountRate: rate, lastName: 'Žák', note: 'ová' };
          made.store.put(changed);
          current = [changed, ...current.slice(1)];
        }
        for (const q of qs) {
          // Most rounds evaluate afresh (the Search index and sort ranks are built after 16 uses); some hit the cache.
          if (round % 3 !== 2) viewOf(made.store).results.clear();
          await agree(current, q);
        }
      }
    }),
    { numRuns: 25 },
  );
});

// The same reference over 100,000 customers, where the indexes (ranks, whole orders, counts along ranks, the
// trigram postings) take the paths a small store never reaches. Pages are bounded so answers stay small.
const BIG = toCustomers(fc.sample(customerArb, { numRuns: 100_000, seed: 15 }));

/** Half the queries filter only on numbers and IsActive: the filters counted off rankings. */
const NUMERIC: readonly Member[] = ['CreditRate', 'DiscountRate', 'ExpirationTime', 'IsActive'];
const bigQueryArb = fc.oneof(
  queryArb,
  queryArb.map(
    (q): Query => ({
      ...q,
      isExpired: undefined,
      search: undefined,
      filters: q.filters.filter((f) => NUMERIC.includes(f.member)),
    }),
  ),
);

test('random queries over 100,000 customers agree with the reference (answer cache off)', async () => {
  const big = makeTestApp({ now: NOW, config: { strict: true, ndata: { answerCache: false } } });
  const bigServer = createServer(big.app);
  big.store.replaceAll(BIG);
  try {
    await fc.assert(
      fc.asyncProperty(bigQueryArb, fc.integer({ min: 1, max: 50 }), async (q, take) => {
        const bounded: Query = { ...q, take: q.take ?? take };
        const qs = render(bounded);
        const res = await request(bigServer).get(`/customers?${qs}`).set(big.auth('viewer'));
        assert.equal(res.status, 200, qs);
        const expected = reference(BIG, bounded);
        const ids = bounded.count === true ? expected.ids : res.body.items.map((c: { id: string }) => c.id);
        assert.deepEqual({ ids, count: res.body.count, totalCount: res.body.totalCount }, expected, qs);
      }),
      { numRuns: 80 },
    );
  } finally {
    bigServer.close();
  }
});

test('at least 500 random queries ran', () => {
  assert.ok(queries >= 500, `${queries}`);
});
