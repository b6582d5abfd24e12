import type { RunResult, ScenarioResult } from '../../../src/contracts/result.js';

const base = { tags: ['smoke'], skippedSteps: 0, durationMs: 12 };

/** One scenario of each status, a load issue and a cleanup failure: what the reporters must render. */
export function sampleResult(probe = false): RunResult {
  const scenarios: ScenarioResult[] = [
    {
      ...base,
      id: 'contracts/a.yaml › passes',
      file: 'contracts/a.yaml',
      name: 'passes',
      basis: 'doc',
      status: 'passed',
      steps: [],
    },
    {
      ...base,
      id: 'contracts/a.yaml › wrong <count> & "title"',
      file: 'contracts/a.yaml',
      name: 'wrong <count> & "title"',
      basis: 'doc',
      source: 'docs/portos/customers.md#examples',
      status: 'failed',
      skippedSteps: 2,
      steps: [
        {
          index: 0,
          name: 'list',
          as: 'viewer',
          lang: 'en-GB',
          method: 'GET',
          url: '/customers?$take=3&x=<1>',
          status: 200,
          durationMs: 5,
          findings: [
            { kind: 'body', path: 'body.count', message: 'expected 3, got 2', expected: 3, actual: 2 },
            { kind: 'schema', path: 'body.totalCount', message: 'must be integer', actual: '7' },
          ],
          bodyDiff: ['  {', '-   "count": 3', '+   "count": 2', '  }'],
          response: {
            status: 200,
            headers: { 'content-type': 'application/json' },
            body: '{"count":2,"totalCount":"7","ctl":"\u0001"}',
          },
        },
      ],
    },
    {
      ...base,
      id: 'contracts/b.yaml › decision',
      file: 'contracts/b.yaml',
      name: 'decision',
      basis: 'decision',
      status: 'unconfirmed',
      steps: [
        {
          index: 0,
          name: 'get',
          as: 'anonymous',
          lang: '',
          method: 'GET',
          url: '/x',
          status: 404,
          durationMs: 3,
          findings: [
            {
              kind: 'title',
              path: 'body.title',
              message: 'expected the en-GB title "A", got "B"',
              expected: 'A',
              actual: 'B',
            },
          ],
        },
      ],
    },
    {
      ...base,
      id: 'contracts/b.yaml › no login',
      file: 'contracts/b.yaml',
      name: 'no login',
      basis: 'doc',
      status: 'error',
      steps: [
        {
          index: 0,
          name: 'get',
          as: 'manager',
          lang: '',
          method: 'GET',
          url: '/x',
          durationMs: 0,
          findings: [{ kind: 'identity', path: 'as', message: "login of 'manager' failed: HTTP 401" }],
        },
      ],
    },
  ];
  return {
    baseUrl: 'http://127.0.0.1:3000',
    runId: 'run1',
    startedAt: '2025-06-01T12:00:00.000Z',
    durationMs: 1234,
    probe,
    scenarios,
    issues: [
      {
        file: 'contracts/c.yaml',
        scenario: 'broken',
        path: 'scenarios[0].basis',
        line: 4,
        column: 12,
        message: 'must be one of "doc", "decision"',
      },
    ],
    cleanup: {
      attempted: 3,
      deleted: 1,
      alreadyGone: 1,
      failed: [{ path: '/customers/x', as: 'admin', reason: 'HTTP 500' }],
    },
  };
}
