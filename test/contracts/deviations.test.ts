import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { request } from 'undici';
import { formatConsoleReport } from '../../src/contracts/report/console.js';
import type { ScenarioStatus } from '../../src/contracts/result.js';
import { startMock, type RunningMock } from '../../src/mock.js';
import { runSuite } from './support/run-suite.js';

// The runner must catch a server that deviates: a proxy in front of the mock alters one thing at a time, and the
// smoke suite run through it has to report exactly that, with the right finding.

interface Response {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}
type Alteration = (req: { method: string; url: string; lang: string }, res: Response) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isList = (
  req: { method: string; url: string },
  res: Response,
): res is Response & { body: Record<string, unknown> } =>
  req.method === 'GET' && /^\/customers(\?|$)/.test(req.url) && res.status === 200 && isObject(res.body);

// [name, alteration, scenario (grep), status it must get, finding kind, finding path]
const DEVIATIONS: [string, Alteration, string, ScenarioStatus, string, RegExp][] = [
  [
    'wrong status (404 → 410)',
    (req, res) => void (res.status === 404 && req.url.startsWith('/customers/') && (res.status = 410)),
    'unknown customer is 404',
    'failed',
    'status',
    /^status$/,
  ],
  [
    'wrong title in one language (en-GB answers in Slovak)',
    (req, res) =>
      void (
        req.lang === 'en-GB' &&
        isObject(res.body) &&
        res.body['status'] === 404 &&
        (res.body['title'] = 'Zdroj nebol nájdený')
      ),
    'unknown customer is 404',
    'failed',
    'title',
    /^body\.title$/,
  ],
  [
    'wrong title in one language (the decision scenario)',
    (req, res) =>
      void (
        req.lang === 'en-GB' &&
        isObject(res.body) &&
        res.body['status'] === 404 &&
        (res.body['title'] = 'Not found')
      ),
    '404 titles are the mock',
    'unconfirmed',
    'title',
    /^body\.title$/,
  ],
  [
    'a missing member (totalCount)',
    (req, res) => void (isList(req, res) && delete res.body['totalCount']),
    'a page of customers',
    'failed',
    'body',
    /^body\.totalCount$/,
  ],
  [
    'a wrong type (count as a string)',
    (req, res) => void (isList(req, res) && (res.body['count'] = String(res.body['count']))),
    'a page of customers',
    'failed',
    'body',
    /^body\.count$/,
  ],
  [
    'a wrong type, seen by the schema',
    (req, res) => void (isList(req, res) && (res.body['count'] = String(res.body['count']))),
    'a page of customers',
    'failed',
    'schema',
    /^body\.count$/,
  ],
  [
    'wrong sort order (reversed)',
    (req, res) =>
      void (
        isList(req, res) &&
        req.url.includes('sort') &&
        Array.isArray(res.body['items']) &&
        res.body['items'].reverse()
      ),
    'sorting by lastName',
    'unconfirmed',
    'body',
    /^body\.items$/,
  ],
  [
    'wrong totalCount (= count)',
    (req, res) => void (isList(req, res) && (res.body['totalCount'] = res.body['count'])),
    'a page of customers',
    'failed',
    'body',
    /^body\.totalCount$/,
  ],
  [
    'a missing header (Location)',
    (req, res) => void (req.method === 'POST' && delete res.headers['location']),
    'create, read, update',
    'unconfirmed',
    'header',
    /^headers\.location$/,
  ],
  [
    'a wrong errorCode on 401',
    (_req, res) => void (res.status === 401 && isObject(res.body) && (res.body['errorCode'] = 2)),
    'without credentials',
    'failed',
    'body',
    /^body\.errorCode$/,
  ],
];

let mock: RunningMock;
let proxy: Server;
let proxyUrl: string;
let alteration: Alteration = () => undefined;

before(async () => {
  mock = await startMock({ config: { port: 0, count: 50 }, log: () => undefined });
  proxy = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      const upstream = await request(mock.url + (req.url ?? '/'), {
        method: req.method as 'GET',
        headers,
        body: chunks.length > 0 ? Buffer.concat(chunks) : null,
      });
      const text = await upstream.body.text();
      const out: Response = {
        status: upstream.statusCode,
        headers: Object.fromEntries(
          Object.entries(upstream.headers).filter(
            (e): e is [string, string] =>
              typeof e[1] === 'string' &&
              !['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(e[0]),
          ),
        ),
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
      alteration(
        { method: req.method ?? 'GET', url: req.url ?? '/', lang: String(req.headers['accept-language'] ?? '') },
        out,
      );
      res.writeHead(out.status, out.headers).end(out.body === undefined ? '' : JSON.stringify(out.body));
    })();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

after(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await mock.close();
});

test('through the unaltered proxy the smoke suite passes', async () => {
  alteration = () => undefined;
  const result = await runSuite(proxyUrl, ['contracts/_smoke.yaml']);
  assert.ok(
    result.scenarios.every((s) => s.status === 'passed'),
    formatConsoleReport(result),
  );
});

for (const [name, alter, grep, status, kind, path] of DEVIATIONS) {
  test(`deviation reported: ${name}`, async () => {
    alteration = alter;
    const result = await runSuite(proxyUrl, ['contracts/_smoke.yaml'], { grep });
    const report = formatConsoleReport(result);
    assert.ok(result.scenarios.length > 0, `no scenario matches ${grep}`);
    const hit = result.scenarios.find(
      (s) => s.status === status && s.steps.some((st) => st.findings.some((f) => f.kind === kind && path.test(f.path))),
    );
    assert.ok(hit !== undefined, `expected a ${status} scenario with a ${kind} finding at ${path}\n${report}`);
  });
}
