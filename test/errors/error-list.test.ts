// A problem lists at most 200 errors (ASP.NET's MaxModelValidationErrors); the detail ends with how many it left out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import request from 'supertest';
import { AppError } from '../../src/errors/app-error.js';
import { MAX_LISTED_ERRORS } from '../../src/errors/catalogue.js';
import { issue } from '../../src/errors/issue.js';
import { buildProblemBody } from '../../src/http/problem-body.js';
import { makeTestApp } from '../support/app.js';

const CASES: { found: number; listed: number; en: RegExp; sk: RegExp }[] = [
  { found: 1, listed: 1, en: /has 1 problem; see errors\.$/, sk: /obsahuje 1 chybu, pozrite zoznam errors\.$/ },
  { found: 200, listed: 200, en: /has 200 problems; see errors\.$/, sk: /200 chýb, pozrite zoznam errors\.$/ },
  {
    found: 201,
    listed: 200,
    en: /has 201 problems; see errors\. 1 is left out of the list\.$/,
    sk: /201 chýb, pozrite zoznam errors\. V zozname nie je 1 chyba\.$/,
  },
  { found: 203, listed: 200, en: / 3 are left out of the list\.$/, sk: / V zozname nie sú 3 chyby\.$/ },
  { found: 100_001, listed: 200, en: / 99801 are left out of the list\.$/, sk: / V zozname nie je 99801 chýb\.$/ },
];

for (const c of CASES) {
  test(`${c.found} issues → ${c.listed} listed, the detail says how many are left out (both languages)`, () => {
    const issues = Array.from({ length: c.found }, (_, i) => issue('body.required', `m${i}`, {}));
    const error = new AppError('validation_failed', { issues });
    for (const [locale, expected] of [
      ['en-GB', c.en],
      ['sk-SK', c.sk],
    ] as const) {
      const body = buildProblemBody(error, { locale, instance: '/customers', traceId: 't' });
      assert.equal(body.errors?.length, c.listed);
      assert.equal(body.errors?.[0]?.memberName, 'm0', 'the first ones found are listed');
      assert.match(body.detail ?? '', expected);
    }
  });
}

// (10 KB: supertest's own server reads heads up to 16 KB; startMock reads 1 MiB.)
test('a 10 KB $sort of commas answers a small body with 200 errors, not 10,001', async () => {
  const { app, auth } = makeTestApp();
  const res = await request(app)
    .get(`/customers?$sort=${','.repeat(10_000)}`)
    .set(auth())
    .set('Accept-Language', 'en-GB');
  assert.equal(res.status, 400);
  assert.equal(res.body.errors.length, MAX_LISTED_ERRORS);
  assert.match(res.body.detail, /has 10001 problems; see errors\. 9801 are left out of the list\.$/);
  assert.ok(res.text.length < 50_000, `${res.text.length} characters`);
});
