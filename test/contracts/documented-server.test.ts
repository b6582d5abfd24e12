import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadScenarios } from '../../src/contracts/load.js';
import { OpenApiIndex } from '../../src/spec/openapi-index.js';
import { specIndex } from '../../src/spec/spec-index.js';
import { loadProfiles, type Profile, type Profiles } from '../../src/contracts/profiles.js';
import type { RunResult, ScenarioResult } from '../../src/contracts/result.js';
import { runContracts } from '../../src/contracts/run.js';
import { ANONYMOUS, isHubStep } from '../../src/contracts/scenario.js';
import { DOCUMENTED_BODIES, LOGIN_ANSWER } from '../support/documented-bodies.js';
import { type DocumentedServer, startDocumentedServer } from '../support/documented-server.js';
import { exchangeTap, type TappedExchange } from './support/exchange-tap.js';

// The `doc` scenarios against a server that knows only the PORTOS docs (test/support/documented-server.ts). A doc
// scenario that fails here asserts more than the docs say, or the spec is stricter than the docs; either way the
// suite would call a conforming PORTOS "contract broken".

/** The doc scenarios the documented server can serve: their assertions need only the documented bodies. */
const SELECTED: readonly { id: string; why: string }[] = [
  {
    id: 'contracts/misc-health.yaml › the health check is a HealthReport, without credentials',
    why: 'the health example: a HealthReport (status, TimeSpan totalDuration, entries), served without credentials',
  },
  {
    id: 'contracts/_smoke.yaml › health check answers without credentials',
    why: 'the health example, served without credentials',
  },
  {
    id: 'contracts/auth-login.yaml › the login answer carries every member the docs show',
    why: 'the login answer: tokenId, refreshToken and every user and device member of the JWT page example',
  },
  {
    id: 'contracts/auth-login.yaml › the login members may be written as the docs write them (UserName, Password, DeviceName)',
    why: 'the JWT page writes the login members UserName, Password, DeviceName; the answer is the login answer',
  },
  {
    id: 'contracts/auth-login.yaml › a token from login authenticates later requests',
    why: 'the tokenId of the login answer as Authorization: Bearer, then the example list',
  },
  {
    id: 'contracts/customers-read.yaml › GET /customers without a filter pages over all customers',
    why: 'the example list: count, totalCount, items with id and _v',
  },
  {
    id: 'contracts/customers-rights.yaml › GET /customers as admin',
    why: 'the documented user (rights [admin]) reads the example list',
  },
  {
    id: 'contracts/auth-bearer.yaml › an expired token is refused on every authenticated route',
    why: 'a token the server never issued: the 401 (errorCode 1) on every route that takes Authorization*',
  },
];
// Not selected: every doc scenario of a 404 or 401 title also asserts `title: localized` (two different texts),
// and the docs give one Slovak title only; scenarios that create, filter, sort, page over more than one customer or
// tell identities apart by their rights need data or users the docs do not show; NWS4 needs a documented key.

/** The identities the selected scenarios name. The docs show one user; any of them is that user. */
function documentedProfiles(): Profiles {
  const user: Profile = {
    kind: 'bearer',
    userName: LOGIN_ANSWER.user.userName,
    password: '',
    deviceName: LOGIN_ANSWER.user.device.name,
    loginPath: '/api/auth',
  };
  const bearer = ['admin', 'clerk', 'viewer'];
  // A token the documented server never issued: the fixture's expired JWT of the mock's development secret.
  const fixture = loadProfiles('fixtures/profiles.yaml', {}).profiles;
  if (fixture === undefined) throw new Error('fixtures/profiles.yaml does not load');
  return {
    file: 'documented-server.test.ts',
    names: () => [...bearer, 'expired'],
    get(name) {
      if (name === ANONYMOUS) return { ok: true, profile: { kind: 'anonymous' } };
      if (bearer.includes(name)) return { ok: true, profile: user };
      if (name === 'expired') return fixture.get('expired');
      return { ok: false, reason: `no profile '${name}' for the documented server` };
    },
  };
}

const spec = specIndex('documented');
const scenarios = new Map(loadScenarios(['contracts']).scenarios.map((s) => [s.id, s]));
const selected = SELECTED.flatMap((row) => scenarios.get(row.id) ?? []);

/** The same spec, but no response body can pass its schemas: a schema check that runs must report every body. */
function rejectingSpec(): OpenApiIndex {
  const document = structuredClone(spec.document) as { components: { schemas: Record<string, unknown> } };
  for (const name of Object.keys(document.components.schemas)) document.components.schemas[name] = false;
  return new OpenApiIndex(document);
}

function run(server: DocumentedServer, index: OpenApiIndex, tap?: ReturnType<typeof exchangeTap>): Promise<RunResult> {
  return runContracts({
    baseUrl: server.url,
    scenarios: selected,
    profiles: documentedProfiles(),
    spec: index,
    http: { timeoutMs: 10_000, retries: 0, ...(tap === undefined ? {} : { dispatcher: tap.dispatcher }) },
    concurrency: 2,
  });
}

function explain(result: ScenarioResult | undefined): string {
  if (result === undefined) return 'no result';
  const findings = result.steps.flatMap((s) =>
    s.findings.map((f) => `step ${s.index} ${f.kind} ${f.path}: ${f.message}`),
  );
  return [`${result.status}${result.note === undefined ? '' : ` (${result.note})`}`, ...findings].join('\n  ');
}

let server: DocumentedServer;
let tap: ReturnType<typeof exchangeTap>;
let result: RunResult;
let canary: RunResult;
before(async () => {
  server = await startDocumentedServer();
  tap = exchangeTap();
  result = await run(server, spec, tap);
  canary = await run(server, rejectingSpec());
});
after(async () => {
  await tap.close();
  await server.close();
});

for (const row of SELECTED) {
  test(`documented server: ${row.id}`, () => {
    const scenario = scenarios.get(row.id);
    assert.ok(scenario, `no scenario '${row.id}' in contracts/: renamed or split? update the table`);
    assert.equal(scenario.basis, 'doc', 'no longer a doc scenario: remove the row');
    const outcome = result.scenarios.find((s) => s.id === row.id);
    assert.ok(outcome, 'not run: see the run issues');
    assert.notEqual(outcome.status, 'failed', `contract broken (${row.why}):\n  ${explain(outcome)}`);
    // "Could not run" (error, skipped) is not a pass: the scenario must have run every step and passed.
    assert.equal(outcome.status, 'passed', `did not pass (${row.why}):\n  ${explain(outcome)}`);
    assert.equal(outcome.skippedSteps, 0);
    assert.ok(
      outcome.steps.length > 0 && outcome.steps.every((s) => s.status !== undefined),
      'every step had an answer',
    );
  });
}

test('every answer is checked against the spec: no step opts out, each has a schema, a rejecting spec fails each scenario', () => {
  const optOuts = selected.flatMap((s) =>
    s.steps.flatMap((step, i) =>
      isHubStep(step) || step.expect.schema === undefined || step.expect.schema === 'spec' ? [] : [`${s.id} step ${i}`],
    ),
  );
  assert.deepEqual(optOuts, []);
  // Every answer the run got has a schema in the spec (none is undocumented or bodiless), so each was checked.
  const unchecked = tap.exchanges.filter(
    (e) => spec.responseSchema(e.method, e.path, e.status, e.responseHeaders['content-type']).kind !== 'schema',
  );
  assert.deepEqual(
    unchecked.map((e) => `${e.method} ${e.path} → ${e.status}`),
    [],
  );
  // The kit's check is wired in: against a spec no body can pass, each scenario fails on a schema finding (on its
  // first answered step, as the first failing step ends a scenario).
  assert.equal(canary.scenarios.length, selected.length);
  for (const outcome of canary.scenarios) {
    const schemaFindings = outcome.steps.flatMap((s) => s.findings).filter((f) => f.kind === 'schema');
    assert.ok(schemaFindings.length > 0, `the schema check did not run for ${outcome.id}:\n  ${explain(outcome)}`);
  }
});

test('the documented server answered every request with a documented body', () => {
  const documented = Object.values(DOCUMENTED_BODIES);
  const answered = (e: TappedExchange) => {
    const body: unknown = JSON.parse(e.responseBody.toString('utf8'));
    return documented.some((d) => d.status === e.status && JSON.stringify(d.body) === JSON.stringify(body));
  };
  assert.ok(tap.exchanges.length >= SELECTED.length);
  assert.deepEqual(
    tap.exchanges.filter((e) => !answered(e)).map((e) => `${e.method} ${e.path} → ${e.status}`),
    [],
  );
});

for (const [name, documented] of Object.entries(DOCUMENTED_BODIES)) {
  test(`the documented ${name} body (${documented.page}) validates against the spec's documented view`, () => {
    const found = spec.responseSchema(documented.method, documented.path, documented.status, documented.contentType);
    assert.equal(found.kind, 'schema', JSON.stringify(found));
    if (found.kind !== 'schema') return;
    const valid = found.validate(documented.body);
    const errors = (found.validate.errors ?? []).map(
      (e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
    );
    assert.ok(valid, `${found.where}:\n  ${errors.join('\n  ')}`);
  });
}
