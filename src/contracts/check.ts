import type { ErrorObject } from 'ajv/dist/2020.js';
import { findings, type Finding } from './finding.js';
import { childPath, valueAt } from './json-path.js';
import { matchValue } from './match.js';
import { brief } from './matchers.js';
import type { OpenApiIndex } from '../spec/openapi-index.js';
import type { Observation, TransportFailureKind } from './replay.js';
import type { Expect } from './scenario.js';

/** The request a response belongs to, as the spec lookup needs it. */
export interface Exchange {
  method: string;
  /** Path below the base URL, without the query. */
  path: string;
  lang: string;
}

function pointerSegments(pointer: string): (string | number)[] {
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function schemaFinding(error: ErrorObject, body: unknown, where: string): Finding {
  const segments = pointerSegments(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const extra = error.keyword === 'additionalProperties' ? ` '${String(params['additionalProperty'])}'` : '';
  return {
    kind: 'schema',
    path: segments.reduce<string>((path, s) => childPath(path, s), 'body'),
    message: `${error.message ?? error.keyword}${extra} (schema of ${where}, ${error.schemaPath})`,
    actual: valueAt(body, segments),
  };
}

/** Checks a response against the schema the scenario asks for (by default the spec's for that route and status). */
export function checkSchema(
  expect: Expect,
  exchange: Exchange,
  obs: Observation,
  spec: OpenApiIndex | undefined,
): Finding[] {
  if (expect.schema === false || spec === undefined || exchange.method === 'HEAD') return [];
  if (typeof expect.schema === 'object') {
    const validate = spec.inline(expect.schema);
    return validate(obs.body) ? [] : (validate.errors ?? []).map((e) => schemaFinding(e, obs.body, 'the step'));
  }
  const found = spec.responseSchema(exchange.method, exchange.path, obs.status, obs.headers['content-type']);
  if (found.kind === 'undocumented')
    return [{ kind: 'schema', path: 'status', message: found.message, actual: obs.status }];
  if (found.kind === 'no-body') {
    return obs.text.trim() === ''
      ? []
      : [
          {
            kind: 'schema',
            path: 'body',
            message: `${found.where} documents no body, got one`,
            actual: brief(obs.text),
          },
        ];
  }
  if (obs.body === undefined)
    return [{ kind: 'schema', path: 'body', message: `${found.where}: the body is not JSON`, actual: brief(obs.text) }];
  return found.validate(obs.body)
    ? []
    : (found.validate.errors ?? []).map((e) => schemaFinding(e, obs.body, found.where));
}

/** Checks the exact title expectations of one response (`localized` is checked across languages by the runner). */
export function checkTitle(expect: Expect, lang: string, obs: Observation): Finding[] {
  const title = expect.title;
  const actual = (obs.body as { title?: unknown } | undefined)?.title;
  if (title === undefined) return [];
  if (title === 'localized') {
    return typeof actual === 'string' && actual.trim() !== ''
      ? []
      : [
          {
            kind: 'title',
            path: 'body.title',
            message: `expected a non-empty title (${lang}), got ${brief(actual)}`,
            actual,
          },
        ];
  }
  const wanted = typeof title === 'string' ? title : title[lang];
  if (wanted === undefined || wanted === actual) return [];
  return [
    {
      kind: 'title',
      path: 'body.title',
      message: `expected the ${lang || 'default'} title ${JSON.stringify(wanted)}, got ${brief(actual)}`,
      expected: wanted,
      actual,
    },
  ];
}

/** `elapsedMs`: the step's elapsed time against a number expectation (`{ $min: 300 }`). */
export function checkElapsed(expect: Expect, durationMs: number): Finding[] {
  return expect.elapsedMs === undefined
    ? []
    : findings('elapsed', matchValue(expect.elapsedMs, durationMs, 'elapsedMs'));
}

const NEVER_OPENED: ReadonlySet<TransportFailureKind> = new Set(['refused', 'other']);

/**
 * `transport`: the expected failure (`dropped`: no response; `truncated`: the body ended early) against what
 * happened; `got` is the failure, or the status of a whole response. A failure before any status line that the
 * step did not ask for, or a connection that never opened (refused, DNS, TLS), is `no-answer` (the scenario could
 * not run); a body cut short is an answer, broken.
 */
export function checkTransport(
  expect: Expect,
  got: { failure: TransportFailureKind; error: string } | { status: number },
): Finding[] {
  const wanted = expect.transport;
  if ('failure' in got && got.failure !== wanted && (wanted === undefined || NEVER_OPENED.has(got.failure)))
    return [
      {
        kind: got.failure === 'truncated' ? 'transport' : 'no-answer',
        path: 'request',
        message: got.error,
      },
    ];
  if (wanted === undefined) return [];
  if ('failure' in got && got.failure === wanted) return [];
  const actual = 'failure' in got ? `${got.failure}: ${got.error}` : `a whole response with status ${got.status}`;
  return [
    {
      kind: 'transport',
      path: 'transport',
      message: `expected the connection to be ${wanted}, got ${actual}`,
      expected: wanted,
      actual: 'failure' in got ? got.failure : got.status,
    },
  ];
}

/** Every broken expectation of one response: status, headers, title, body (subset with matchers) and schema. */
export function checkResponse(
  expect: Expect,
  exchange: Exchange,
  obs: Observation,
  spec: OpenApiIndex | undefined,
): Finding[] {
  const statuses = (Array.isArray(expect.status) ? expect.status : [expect.status]).map(Number);
  const out: Finding[] = [...checkElapsed(expect, obs.durationMs)];
  if (expect.transport !== undefined) return [...out, ...checkTransport(expect, { status: obs.status })];
  if (!statuses.includes(obs.status)) {
    const problem = obs.body as { title?: unknown; detail?: unknown } | undefined;
    const why =
      typeof problem?.title === 'string'
        ? ` (${problem.title}${typeof problem.detail === 'string' ? `: ${problem.detail}` : ''})`
        : '';
    out.push({
      kind: 'status',
      path: 'status',
      message: `expected status ${statuses.join(' or ')}, got ${obs.status}${why}`,
      expected: expect.status,
      actual: obs.status,
    });
  }
  for (const [name, expected] of Object.entries(expect.headers ?? {})) {
    out.push(
      ...findings(
        'header',
        matchValue(expected, obs.headers[name.toLowerCase()], childPath('headers', name.toLowerCase())),
      ),
    );
  }
  out.push(...checkTitle(expect, exchange.lang, obs));
  if (expect.body !== undefined) {
    if (obs.body === undefined && obs.text !== '') {
      out.push({
        kind: 'body',
        path: 'body',
        message: 'expected a JSON body, got text',
        expected: expect.body,
        actual: brief(obs.text),
      });
    } else {
      out.push(...findings('body', matchValue(expect.body, obs.body, 'body')));
    }
  }
  out.push(...checkSchema(expect, exchange, obs, spec));
  return out;
}
