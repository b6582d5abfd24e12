import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, test } from 'node:test';
import request from 'supertest';
import type { ConfigInput } from '../../src/config/config.js';
import {
  FILTER_MEMBERS,
  OPERATORS,
  parseCustomerQuery,
  type FilterMember,
  type Operator,
} from '../../src/ndata/index.js';
import { operatorsFor } from '../../src/ndata/operators.js';
import { makeTestApp } from '../support/app.js';
import { COUNTS, EVALUATIONS, FIXTURE, LENIENT, NOW, REJECTIONS, STRICT } from './cases.js';

/* Every evaluator and parser case again, through HTTP: GET /customers with the fixture and a fixed clock. */

function serve(config: ConfigInput = {}) {
  const made = makeTestApp({ customers: FIXTURE, now: NOW, config });
  const server = createServer(made.app);
  after(() => server.close());
  const get = (qs: string, headers: Record<string, string> = {}) =>
    request(server)
      .get(`/customers${qs === '' ? '' : '?'}${qs}`)
      .set(made.auth('viewer'))
      .set(headers);
  return { ...made, get };
}

const lenient = serve();
const strict = serve({ strict: true });
const repeatsAreErrors = serve({ ndata: { repeatedSingleParameter: 'error' } });

for (const [name, qs, expected] of EVALUATIONS) {
  test(`HTTP 200: ${name}`, async () => {
    const res = await strict.get(qs);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.items.map((c: { id: string }) => c.id),
      expected,
    );
    assert.equal(res.body.count, expected.length);
  });
}

for (const [qs, count, totalCount, hasItems] of COUNTS) {
  test(`HTTP counts: ${qs}`, async () => {
    const res = await lenient.get(qs);
    assert.equal(res.status, 200);
    assert.equal(res.body.count, count);
    assert.equal(res.body.totalCount, totalCount);
    assert.equal('items' in res.body, hasItems);
  });
}

for (const [name, qs, expected, options = LENIENT] of REJECTIONS) {
  test(`HTTP 400: ${name}`, async () => {
    const app = options.strict ? strict : options.repeatedSingleParameter === 'error' ? repeatsAreErrors : lenient;
    const res = await app.get(qs, { 'Accept-Language': 'en' });
    assert.equal(res.status, 400);
    assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
    assert.equal(res.body.errorCode, 3);
    assert.deepEqual(
      res.body.errors.map((e: { memberName: string }) => e.memberName),
      expected.map(([, member]) => member),
    );
    for (const e of res.body.errors as { message: string; code?: string }[]) {
      assert.ok(e.message.length > 10);
      assert.equal(e.code, undefined);
    }
  });
}

test('every operator × every member it applies to has an HTTP case', () => {
  const covered = new Set<string>();
  for (const [, qs] of EVALUATIONS) {
    const parsed = parseCustomerQuery([...new URLSearchParams(qs)], STRICT);
    if (!parsed.ok) continue;
    for (const [member, conditions] of Object.entries(parsed.query.filters)) {
      for (const c of conditions ?? []) covered.add(`${member} ${c.op}`);
    }
  }
  const missing: string[] = [];
  for (const member of Object.keys(FILTER_MEMBERS) as FilterMember[]) {
    const { type, nullable } = FILTER_MEMBERS[member];
    for (const op of operatorsFor(type, nullable)) if (!covered.has(`${member} ${op}`)) missing.push(`${member} ${op}`);
  }
  const used = new Set([...covered].map((c) => c.split(' ')[1]));
  assert.deepEqual(missing, []);
  assert.deepEqual(
    (Object.keys(OPERATORS) as Operator[]).filter((op) => !used.has(op)),
    [],
  );
});

test('messages follow Accept-Language: Slovak by default, English on request', async () => {
  const sk = await lenient.get('DiscountRate=gt:1;foo:1');
  assert.equal(sk.headers['content-language'], 'sk-SK');
  assert.deepEqual(sk.body.errors, [
    {
      memberName: 'DiscountRate',
      message: "Operácia 2 ('foo:1'): neznámy operátor 'foo'; povolené: eq, neq, gt, gte, lt, lte, in, nin, between.",
    },
  ]);
  const en = await lenient.get('discountrate=gt:1;foo:1', { 'Accept-Language': 'en-GB' });
  assert.deepEqual(en.body.errors, [
    {
      memberName: 'DiscountRate',
      message: "Operation 2 ('foo:1'): unknown operator 'foo'; allowed: eq, neq, gt, gte, lt, lte, in, nin, between.",
    },
  ]);
});

test('every problem of a request is listed', async () => {
  const res = await strict.get('DiscountRate=foo:1;gt&IsActive=maybe&$sort=nope&$skip=-1&Foo=1', {
    'Accept-Language': 'en',
  });
  assert.equal(res.status, 400);
  assert.deepEqual(
    res.body.errors.map((e: { memberName: string }) => e.memberName),
    ['DiscountRate', 'DiscountRate', 'IsActive', '$sort', '$skip', 'Foo'],
  );
});

test('Status and IsExpired follow the mock clock', async () => {
  lenient.clock.set(Date.parse('2030-06-01T00:00:00Z'));
  try {
    const res = await lenient.get('IsExpired=true');
    assert.deepEqual(
      res.body.items.map((c: { id: string; status: string }) => [c.id, c.status]),
      [
        ['c2', 'Expired'],
        ['c3', 'Expired'],
        ['c4', 'Expired'],
        ['c5', 'Expired'],
      ],
    );
  } finally {
    lenient.clock.set(NOW);
  }
  assert.equal((await lenient.get('IsExpired=true&$count=true')).body.count, 2);
});

test('locale string order is a configuration', async () => {
  const locale = serve({ ndata: { stringOrder: 'locale' } });
  const res = await locale.get('$sort=lastName');
  assert.deepEqual(
    res.body.items.map((c: { id: string }) => c.id),
    ['c3', 'c6', 'c4', 'c7', 'c1', 'c8', 'c2', 'c5'],
  );
});

const LONG = 'a'.repeat(10_000);
/**
 * Hostile query strings: each answers 200 or 400 with a problem body, quickly, and never writes. (They
 * stay under Node's 16 KiB header limit, above which Node itself answers 431 before the app runs.)
 */
const ABUSE: [name: string, querystring: string][] = [
  [
    'empty values',
    'DiscountRate=&ExternalId=&CardSerialNumber=&IsActive=&ExpirationTime=&CreditRate=&Search=&$sort=&$skip=&$take=&$count=&IsExpired=',
  ],
  [';;', 'DiscountRate=;;&ExternalId=;;;'],
  [':::', 'ExternalId=:::&DiscountRate=:::&ExpirationTime=:::&$sort=:::'],
  ['quotes only', "ExternalId='&CardSerialNumber=''''&DiscountRate='''"],
  [
    'unicode',
    'ExternalId=%F0%9F%98%80%E2%80%AE&Search=%E2%80%AE%F0%9F%92%A9&$sort=%C5%BE&CardSerialNumber=contains:%CC%81',
  ],
  ['%00', 'ExternalId=%00&Search=%00&DiscountRate=%00&$sort=%00&%00=%00&IsExpired=%00&ExpirationTime=lt:%00'],
  ['broken percent-encoding', 'ExternalId=%ZZ&Search=%&%E2%82=1&$take=%2'],
  ['no names', '=1&&&=&==='],
  ['10,000-character value', `ExternalId=${LONG}`],
  ['10,000-character Search', `Search=${LONG}`],
  ['10,000-character decimal', `DiscountRate=${'9'.repeat(10_000)}`],
  ['10,000-character sort key', `$sort=${LONG}`],
  ['10,000-character parameter name', `${LONG}=1`],
  ['5,000 operations', `DiscountRate=${Array.from({ length: 5000 }, () => '1').join(';')}`],
  ['5,000 invalid operations', `DiscountRate=${Array.from({ length: 5000 }, () => 'x').join(';')}`],
  ['5,000 list items', `ExternalId=in:${Array.from({ length: 5000 }, () => 'a').join(',')}`],
  ['1,000 repeated filter parameters', Array.from({ length: 1000 }, () => 'CreditRate=0').join('&')],
  ['1,000 repeated single parameters', Array.from({ length: 1000 }, () => '$take=1').join('&')],
  ['1,000 sort keys', `$sort=${Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 'lastName' : '-id')).join(',')}`],
  ['huge numbers', '$skip=99999999999999999999&$take=1e400&DiscountRate=gt:1e400'],
  [
    'prototype names',
    '__proto__=1&constructor=1&$sort=__proto__,constructor,toString&ExternalId=eq:__proto__&DiscountRate=constructor:1',
  ],
];

for (const [name, qs] of ABUSE) {
  for (const app of [lenient, strict]) {
    test(`abuse (${app === strict ? 'strict' : 'lenient'}): ${name}`, async () => {
      const version = app.store.version;
      const started = performance.now();
      const res = await app.get(qs);
      assert.ok(performance.now() - started < 2000, 'took too long');
      assert.ok(res.status === 200 || res.status === 400, `status ${res.status}`);
      if (res.status === 400) {
        assert.match(res.headers['content-type'] ?? '', /^application\/problem\+json/);
        assert.ok(Array.isArray(res.body.errors) && res.body.errors.length > 0);
      }
      assert.equal(app.store.version, version);
    });
  }
}
