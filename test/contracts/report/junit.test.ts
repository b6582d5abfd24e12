import assert from 'node:assert/strict';
import { test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatJunitReport, xmlEscape } from '../../../src/contracts/report/junit.js';
import { sampleResult } from '../support/run-result.js';

interface Case {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_type': string; '@_message': string; '#text'?: string };
  error?: { '@_type': string };
  skipped?: { '@_message': string };
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
  testcase: Case[];
}

function parse(xml: string): { totals: Record<string, string>; suites: Suite[] } {
  assert.equal(XMLValidator.validate(xml), true, 'well-formed XML');
  const doc = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  }).parse(xml) as {
    testsuites: Record<string, string> & { testsuite: Suite[] };
  };
  return { totals: doc.testsuites, suites: doc.testsuites.testsuite };
}

test('JUnit: well-formed, one suite per file plus scenario files, counts add up', () => {
  const { totals, suites } = parse(formatJunitReport(sampleResult()));
  assert.deepEqual(
    [totals['@_tests'], totals['@_failures'], totals['@_errors'], totals['@_skipped']],
    ['5', '2', '2', '0'],
  );
  assert.deepEqual(
    suites.map((s) => [s['@_name'], s['@_tests'], s['@_failures'], s['@_errors']]),
    [
      ['contracts/a.yaml', '2', '1', '0'],
      ['contracts/b.yaml', '2', '1', '1'],
      ['scenario files', '1', '0', '1'],
    ],
  );
  const [a, b] = suites;
  const failed = a?.testcase[1];
  assert.equal(failed?.['@_name'], 'wrong <count> & "title" [doc]');
  assert.equal(failed?.failure?.['@_type'], 'contract-broken');
  assert.equal(failed?.failure?.['@_message'], 'body.count: expected 3, got 2');
  assert.match(failed?.failure?.['#text'] ?? '', /GET \/customers\?\$take=3&x=<1> -> 200/);
  assert.equal(b?.testcase[0]?.failure?.['@_type'], 'assumption-not-confirmed');
  assert.equal(b?.testcase[1]?.error?.['@_type'], 'could-not-run');
});

test('JUnit in probe mode: unconfirmed assumptions are skipped, not failed', () => {
  const { totals, suites } = parse(formatJunitReport(sampleResult(true)));
  assert.deepEqual([totals['@_failures'], totals['@_skipped']], ['1', '1']);
  assert.match(suites[1]?.testcase[0]?.skipped?.['@_message'] ?? '', /^assumption not confirmed/);
});

test('xmlEscape escapes markup and drops characters XML cannot hold', () => {
  assert.equal(xmlEscape(`<a b="c" d='e'>&\u0001\u0007ok\n`), '&lt;a b=&quot;c&quot; d=&apos;e&apos;&gt;&amp;ok\n');
});
