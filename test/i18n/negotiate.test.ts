import assert from 'node:assert/strict';
import { test } from 'node:test';
import { negotiateLocale } from '../../src/i18n/negotiate.js';

const CASES: [string, string | undefined, 'sk-SK' | 'en-GB', string][] = [
  ['no header → default', undefined, 'sk-SK', 'sk-SK'],
  ['no header → configured default', undefined, 'en-GB', 'en-GB'],
  ['exact sk-SK', 'sk-SK', 'en-GB', 'sk-SK'],
  ['exact en-GB', 'en-GB', 'sk-SK', 'en-GB'],
  ['neutral en', 'en', 'sk-SK', 'en-GB'],
  ['other English region', 'en-US', 'sk-SK', 'en-GB'],
  ['case-insensitive', 'EN-gb', 'sk-SK', 'en-GB'],
  ['highest q wins', 'sk;q=0.4, en;q=0.9', 'sk-SK', 'en-GB'],
  ['ties keep header order', 'en, sk', 'sk-SK', 'en-GB'],
  ['unsupported first, supported later', 'de-DE, fr;q=0.9, en;q=0.1', 'sk-SK', 'en-GB'],
  ['q=0 excludes', 'en;q=0, de', 'sk-SK', 'sk-SK'],
  ['wildcard → default', '*', 'en-GB', 'en-GB'],
  ['nothing supported → default', 'de, fr', 'sk-SK', 'sk-SK'],
  ['garbage → default', ';;;,,,q=q', 'sk-SK', 'sk-SK'],
  ['bad q ignored as 0', 'en;q=abc, sk', 'en-GB', 'sk-SK'],
  ['empty → default', '', 'en-GB', 'en-GB'],
];

for (const [name, header, fallback, expected] of CASES) {
  test(name, () => assert.equal(negotiateLocale(header, fallback), expected));
}
