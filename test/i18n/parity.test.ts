// Drift test: every language must say every problem and every issue, in its own words.
// A missing key is a compile error already; this catches empty texts and texts copied from another language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROBLEMS, type ProblemCode } from '../../src/errors/catalogue.js';
import { AUTH_FAILURES } from '../../src/errors/auth-failures.js';
import { LOCALES, LOCALE_NAMES } from '../../src/i18n/locales.js';

const problemCodes = Object.keys(PROBLEMS) as ProblemCode[];

test('every locale has a non-empty title for every problem, different from every other locale', () => {
  for (const code of problemCodes) {
    const titles = LOCALE_NAMES.map((locale) => LOCALES[locale].texts.problems[code].title);
    for (const title of titles) assert.ok(title.trim().length > 0, `${code}: empty title`);
    assert.equal(new Set(titles).size, titles.length, `${code}: two locales share the title "${titles[0]}"`);
  }
});

test('every locale has the same issue kinds, and no message is empty', () => {
  const [first, ...others] = LOCALE_NAMES.map((locale) => Object.keys(LOCALES[locale].texts.issues).sort());
  for (const keys of others) assert.deepEqual(keys, first);
  for (const locale of LOCALE_NAMES) {
    for (const [kind, message] of Object.entries(LOCALES[locale].texts.issues)) {
      assert.equal(typeof message, 'function', `${locale} ${kind}`);
    }
  }
});

test('every auth failure has a detail in every locale, different between locales', () => {
  for (const reason of AUTH_FAILURES) {
    const details = LOCALE_NAMES.map((locale) => LOCALES[locale].texts.problems.unauthenticated.detail({ reason }));
    for (const detail of details) assert.ok(detail !== undefined && detail.length > 0, `${reason}: empty detail`);
    assert.equal(new Set(details).size, details.length, `${reason}: identical in two locales`);
  }
});

test('the documented Slovak 404 title is exact', () => {
  assert.equal(LOCALES['sk-SK'].texts.problems.not_found.title, 'Zdroj nebol nájdený');
});

test('every locale describes the licence health, in its own words', () => {
  const texts = LOCALE_NAMES.map((locale) => LOCALES[locale].texts.health);
  for (const [render, what] of [
    [(t: (typeof texts)[number]) => t.licenseExpiresIn(7), 'licenseExpiresIn'],
    [(t: (typeof texts)[number]) => t.licenseExpired, 'licenseExpired'],
  ] as const) {
    const said = texts.map(render);
    for (const text of said) assert.ok(text.trim().length > 0, `${what}: empty`);
    assert.equal(new Set(said).size, said.length, `${what}: identical in two locales`);
  }
  for (const t of texts) assert.match(t.licenseExpiresIn(7), /\b7\b/);
});

test('the licence problem: the decided titles, and a detail in every locale naming the expiry', () => {
  const titles = { 'sk-SK': 'Licencia vypršala', 'en-GB': 'Licence expired' } as const;
  const details = LOCALE_NAMES.map((locale) => {
    const row = LOCALES[locale].texts.problems.license_expired;
    assert.equal(row.title, titles[locale], locale);
    const detail = row.detail({ expirationTime: '2099-12-31T23:00:00.000Z' });
    assert.ok(detail?.includes('2099-12-31T23:00:00.000Z'), `${locale}: ${detail}`);
    return detail;
  });
  assert.equal(new Set(details).size, details.length, 'identical in two locales');
});
