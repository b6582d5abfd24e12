import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { request } from 'undici';
import { parse } from 'yaml';
import { formatConsoleReport } from '../../src/contracts/report/console.js';
import type { RunResult, ScenarioResult } from '../../src/contracts/result.js';
import { startMock, type RunningMock } from '../../src/mock.js';
import { exchangeTap, type ExchangeTap, type TappedExchange } from './support/exchange-tap.js';
import { IGNORED_BY_PRISM, keywordUses, startPrism, type RunningPrism } from './support/prism.js';
import {
  checkThroughPrism,
  replayThroughPrism,
  startReplayUpstream,
  type PrismVerdict,
  type ReplayUpstream,
  type Violation,
} from './support/prism-replay.js';
import { runSuite } from './support/run-suite.js';

/*
 * Independent conformance: Stoplight Prism (@stoplight/prism-cli 5.14.2, a validator we did not write) checks
 * every response the mock sends while contracts/ runs: scenario steps, the runner's logins and its cleanup.
 *
 * Method: record, then replay through `prism proxy`. The suite runs straight against the mock with a recording
 * dispatcher; then each recorded request goes to `prism proxy spec/openapi.yaml REPLAY` in reporting mode (no
 * `--errors`: with it Prism answers bad requests with its own 401/422; `--cors=false`: with CORS on Prism
 * answers preflights itself and adds headers), whose upstream REPLAY answers with the mock's recorded response
 * byte for byte. Prism validates request and response as a live proxy does and reports in the `sl-violations`
 * response header, a JSON list whose location starts with the side:
 *   [{"location":["request","body","firstName"],"severity":"Error","code":"type","message":"Request body property firstName must be string,null"},
 *    {"location":["response"],"severity":"Warning","message":"Unable to match the returned status code with those defined in the document: 200,401,404,500"}]
 * Why not run the suite through Prism live: Prism 5.14.2 does not pass requests on unchanged (checked by hand
 * against an echoing upstream): it drops `Host` (which NWS4 signs) for the upstream's, answers malformed JSON
 * with its own 400 `invalid_json`, re-serializes JSON bodies (`"str"` goes on as `str`, `null` as no body,
 * `10.50` as `10.5`, duplicate members collapse), regroups and re-encodes the query (`a=%ZZ&b=1&a=2` goes on as
 * `a=%25ZZ&a=2&b=1`), and (its source says) answers an upstream 501 with a mock of its own. The scenarios that
 * test exactly those inputs would fail or bypass Prism unchecked; replayed, every response is checked, NWS4 too.
 * A verdict counts only if Prism passed the recorded response through unchanged (status, body, headers).
 *
 * Rule: every violation located in the response fails, errors and warnings alike (a warning is e.g. a status
 * the spec does not list). A request violation fails only where the mock accepted the request, except that it
 * is tolerated (counted, not failed)
 * - when the mock refused it with a 4xx: the suite must pass (asserted first), so the scenario expected that
 *   refusal and sent the bad request on purpose (no credentials, malformed or invalid bodies, unknown routes);
 * - when the scenario is tagged `off-spec-request`: it sends an off-spec request on purpose and expects the
 *   mock to accept it (leniency); those scenarios run apart, so every exchange is known to be theirs or not;
 * - for "Selected route not found" on a CORS preflight (OPTIONS with Access-Control-Request-Method): OpenAPI
 *   documents do not describe preflights.
 * Prism validates no response of a route the spec lacks (the mock's 404s and 405s, which the spec leaves
 * unlisted on purpose) and cannot proxy HEAD (it parses the empty JSON body and answers 500); both are counted.
 * Calls to the mock control API (`/_mock/...`: the runner's probe, `arrange:`/`finally:` actions and `api:
 * control` steps) are not PORTOS routes: they are left out of the replay (counted). The faults they arrange are
 * not: a faulted 423 or 500 is a PORTOS response and is checked like any other; a dropped or truncated exchange
 * never completes, so the tap has nothing to replay.
 */

const PRISM_CONCURRENCY = 2;
/** Tag of scenarios that send requests the spec does not allow on purpose and expect them accepted (leniency). */
const OFF_SPEC_TAG = 'off-spec-request';

let mock: RunningMock | undefined;
let tap: ExchangeTap | undefined;
let upstream: ReplayUpstream | undefined;
let prism: RunningPrism | undefined;

before(async () => {
  mock = await startMock({ config: { port: 0, count: 50 }, log: () => undefined });
  tap = exchangeTap();
  upstream = await startReplayUpstream();
  prism = await startPrism('spec/openapi.yaml', upstream.url);
});

after(async () => {
  await prism?.close();
  await upstream?.close();
  await tap?.close();
  await mock?.close();
});

const isRequestSide = (v: Violation) => v.location[0] === 'request';
const CONTROL_PREFIX = '/_mock';
const isControlCall = (e: TappedExchange) =>
  e.path === CONTROL_PREFIX || e.path.startsWith(`${CONTROL_PREFIX}/`) || e.path.startsWith(`${CONTROL_PREFIX}?`);
const UNROUTED = 'Selected route not found';

/** The violations that fail the test (see the rule above); `offSpec`: sent by a scenario tagged OFF_SPEC_TAG. */
function failing(verdict: PrismVerdict, offSpec = false): Violation[] {
  const { exchange } = verdict;
  const refused = exchange.status >= 400 && exchange.status < 500;
  const preflight =
    exchange.method === 'OPTIONS' && exchange.requestHeaders['access-control-request-method'] !== undefined;
  const tolerated = (v: Violation) => isRequestSide(v) && (refused || offSpec || (preflight && v.message === UNROUTED));
  return verdict.violations.filter((v) => !tolerated(v));
}

/** `METHOD url` → the scenarios whose steps sent it (logins and cleanup have none); for messages only. */
function sendersByRequest(results: readonly RunResult[]): Map<string, ScenarioResult[]> {
  const out = new Map<string, ScenarioResult[]>();
  for (const scenario of results.flatMap((r) => r.scenarios)) {
    for (const step of new Set(scenario.steps.map((s) => `${s.method} ${s.url}`)))
      out.set(step, [...(out.get(step) ?? []), scenario]);
  }
  return out;
}

/** Failures grouped by what went wrong, with up to three examples each. */
function formatFailures(
  failures: { verdict: PrismVerdict; what: string }[],
  senders: Map<string, ScenarioResult[]>,
): string {
  const groups = new Map<string, PrismVerdict[]>();
  for (const { verdict, what } of failures) {
    const key = `${verdict.exchange.method} → ${verdict.exchange.status}: ${what}`;
    groups.set(key, [...(groups.get(key) ?? []), verdict]);
  }
  return [...groups.entries()]
    .map(([key, verdicts]) => {
      const examples = verdicts.slice(0, 3).map(({ exchange }) => {
        const ids = senders.get(`${exchange.method} ${exchange.path}`)?.map((s) => s.id) ?? [];
        const by =
          ids.length === 0
            ? 'the runner (login or cleanup)'
            : ids.length === 1
              ? ids[0]
              : `one of ${ids.length}: ${ids.slice(0, 2).join('; ')}; ...`;
        const body =
          exchange.requestBody === undefined
            ? ''
            : `\n      body: ${exchange.requestBody.toString('utf8').slice(0, 200)}`;
        return `    ${exchange.method} ${exchange.path}  [${by}]${body}`;
      });
      return `${key}  (${verdicts.length}×)\n${examples.join('\n')}`;
    })
    .join('\n');
}

test('the spec uses no JSON Schema keyword that Prism 5.14.2 would ignore', () => {
  const spec = parse(readFileSync('spec/openapi.yaml', 'utf8')) as unknown;
  assert.deepEqual(
    keywordUses(spec, IGNORED_BY_PRISM),
    [],
    'Prism would not check these; give the check another way or drop the keyword',
  );
});

test('the check hears Prism: good, bad, unlisted and off-spec exchanges', async () => {
  assert.ok(mock !== undefined && upstream !== undefined && prism !== undefined);
  const health = await request(`${mock.url}/api/v2/health`);
  const good: TappedExchange = {
    method: 'GET',
    path: '/api/v2/health',
    requestHeaders: { accept: 'application/json' },
    requestBody: undefined,
    status: health.statusCode,
    responseHeaders: Object.fromEntries(Object.entries(health.headers).map(([n, v]) => [n, String(v)])),
    responseBody: Buffer.from(await health.body.arrayBuffer()),
  };
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const post = (body: string, status: number): TappedExchange => ({
    ...good,
    method: 'POST',
    path: '/customers',
    requestHeaders: { 'content-type': 'application/json', authorization: 'Bearer x' },
    requestBody: Buffer.from(body),
    status,
  });
  const check = (exchange: TappedExchange) => checkThroughPrism(prism?.url ?? '', upstream as ReplayUpstream, exchange);

  const fine = await check(good);
  assert.deepEqual([fine.problem, fine.violations], [undefined, []], 'a real health response is clean');
  const bad = await check({ ...good, responseBody: json({ status: 'Fine' }) });
  assert.ok(
    failing(bad).some((v) => v.location.join('.') === 'response.body.status'),
    JSON.stringify(bad),
  );
  const unlisted = await check({ ...good, status: 418 });
  assert.ok(
    failing(unlisted).some((v) => v.location[0] === 'response' && /status code/.test(v.message)),
    JSON.stringify(unlisted),
  );
  const accepted = await check(post('{"firstName": 5}', 200));
  assert.ok(
    failing(accepted).some((v) => v.location.join('.') === 'request.body.firstName'),
    JSON.stringify(accepted),
  );
  assert.equal(failing(accepted, true).filter(isRequestSide).length, 0, 'sent by an off-spec-request scenario');
  const refused = await check(post('{"firstName": 5}', 400));
  assert.equal(failing(refused).filter(isRequestSide).length, 0, 'a refused bad request is on purpose');
  const malformed = await check(post('{"firstName": ', 400));
  assert.equal(malformed.problem, undefined, 'malformed JSON still reaches the upstream');
  assert.ok(
    malformed.violations.some((v) => isRequestSide(v) && v.code === 415),
    JSON.stringify(malformed),
  );
});

test('Prism finds no violation in any response of the mock while contracts/ runs', {
  timeout: 15 * 60_000,
}, async (t) => {
  assert.ok(mock !== undefined && tap !== undefined && upstream !== undefined && prism !== undefined);
  const started = performance.now();
  // Two runs, one after the other, so that each exchange is known to come from a tagged scenario or not.
  const results = [
    await runSuite(mock.url, ['contracts'], { tags: [`!${OFF_SPEC_TAG}`] }, { dispatcher: tap.dispatcher }),
  ];
  const recorded = tap.exchanges.length;
  results.push(await runSuite(mock.url, ['contracts'], { tags: [OFF_SPEC_TAG] }, { dispatcher: tap.dispatcher }));
  const exchanges = tap.exchanges.filter((e) => !isControlCall(e));
  const offSpecFrom = tap.exchanges.slice(0, recorded).filter((e) => !isControlCall(e)).length;
  const controlCalls = tap.exchanges.length - exchanges.length;
  // Invalid scenario files are self.test.ts's to report; here every scenario that ran must pass.
  for (const result of results) {
    const passed = result.scenarios.every((s) => s.status === 'passed');
    assert.ok(passed, `the suite must pass (the request-violation rule relies on it):\n${formatConsoleReport(result)}`);
  }
  assert.ok(tap.exchanges.length > 0, 'the run made requests');

  const verdicts = await replayThroughPrism(prism.url, upstream, exchanges, PRISM_CONCURRENCY);
  const failures: { verdict: PrismVerdict; what: string }[] = [];
  let tolerated = 0;
  for (const [index, verdict] of verdicts.entries()) {
    if (verdict.problem !== undefined && verdict.exchange.method !== 'HEAD')
      failures.push({ verdict, what: `not checked: ${verdict.problem}` });
    const bad = failing(verdict, index >= offSpecFrom);
    tolerated += verdict.violations.length - bad.length;
    for (const v of bad)
      failures.push({
        verdict,
        what: `${v.severity} ${v.location.join('.')}: ${v.message}${v.code === undefined ? '' : ` (${v.code})`}`,
      });
  }
  const unrouted = verdicts.filter((v) => v.violations.some((x) => isRequestSide(x) && x.message === UNROUTED)).length;
  const heads = verdicts.filter((v) => v.exchange.method === 'HEAD').length;
  const responseViolations = verdicts.flatMap((v) => v.violations).filter((v) => !isRequestSide(v)).length;
  const scenarios = results.reduce((n, r) => n + r.scenarios.length, 0);
  t.diagnostic(
    `prism: ${verdicts.length} exchanges of ${scenarios} scenarios checked in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `${failures.length} failing, ${responseViolations} response violation(s), ${tolerated} request violation(s) of refused or off-spec requests tolerated; ` +
      `${unrouted} not routed by the spec (not validated), ${heads} HEAD (not checkable), ${controlCalls} control-API calls (not replayed)`,
  );
  assert.equal(
    failures.length,
    0,
    `Prism found:\n${formatFailures(failures, sendersByRequest(results))}\n\nPrism's log (end):\n${prism.output().slice(-4000)}`,
  );
});
