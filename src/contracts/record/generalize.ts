import { parseNws4Authorization } from '../../auth/nws4.js';
import { routeOf } from '../../control/route-names.js';
import { isRecord } from '../json-path.js';
import type { Profiles } from '../profiles.js';
import type { Method, Scenario, ScenarioFile, Step, StepRequest } from '../scenario.js';
import { generalizeBody, type BodyContext } from './expect-body.js';
import type { Exchange } from './proxy.js';
import { generalizeQuery } from './query.js';
import { requestBody } from './request-body.js';
import { hoist, pruneCaptures, renumberCaptures } from './tidy.js';
import { KnownValues } from './values.js';

/** Which profile a user name or API key belongs to (default: a profile named like it). */
export interface IdentityMap {
  byUser: Map<string, string>;
  byClient: Map<string, string>;
}

export interface GeneralizeOptions {
  name: string;
  source: string;
  identities: IdentityMap;
  /** Why a response does not match the spec (then the step checks no schema), or undefined. */
  specCheck?: (
    method: string,
    path: string,
    status: number,
    contentType: string | undefined,
    body: unknown,
  ) => string | undefined;
}

/** A recording as a scenario file, with notes per step (shown as comments) and warnings for the header. */
export interface Recording {
  file: ScenarioFile;
  notes: Map<number, string>;
  warnings: string[];
}

const KEPT_RESPONSE_HEADERS = ['content-language', 'www-authenticate', 'allow'];
const DROPPED_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'accept-encoding',
  'user-agent',
  'accept',
  'keep-alive',
  'transfer-encoding',
  'cookie',
  'origin',
  'referer',
  'x-nd-date',
  'x-nd-content-sha256',
  'authorization',
  'accept-language',
  'content-type',
  'cache-control',
  'pragma',
  'postman-token',
]);
const CUSTOMER = /^\/customers(?:\/([^/]+))?\/?$/i;
const MAX_BODY = 20_000;

/** Builds the identity map from a profiles file (profiles whose environment variables are missing are skipped). */
export function identityMap(profiles: Profiles | undefined): IdentityMap {
  const map: IdentityMap = { byUser: new Map(), byClient: new Map() };
  for (const name of profiles?.names() ?? []) {
    const found = profiles?.get(name);
    if (found?.ok !== true) continue;
    if (found.profile.kind === 'bearer' && !map.byUser.has(found.profile.userName))
      map.byUser.set(found.profile.userName, name);
    if (found.profile.kind === 'nws4' && !map.byClient.has(found.profile.clientId))
      map.byClient.set(found.profile.clientId, name);
  }
  return map;
}

const profileName = (text: string) => text.replace(/[^A-Za-z0-9_.-]/g, '_') || 'unknown';

function parseJson(buffer: Buffer, contentType: string | undefined): unknown {
  if (buffer.length === 0 || !/json/i.test(contentType ?? '')) return undefined;
  try {
    return JSON.parse(buffer.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function strings(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, into));
  else if (isRecord(value)) Object.values(value).forEach((v) => strings(v, into));
  return into;
}

class Generalizer {
  readonly known = new KnownValues();
  readonly versions = new Map<string, { name: string; value: number }>();
  readonly warnings: string[] = [];
  /** Who each token seen in a login or refresh answer belongs to (the user name sent), for step names. */
  readonly tokenUsers = new Map<string, string>();

  constructor(readonly options: GeneralizeOptions) {}

  /** Tokens a login (`userName` sent) or a refresh (`tokenId` sent) hands out belong to that user. */
  learnTokens(sent: unknown, answer: unknown): void {
    if (!isRecord(sent) || !isRecord(answer)) return;
    const user =
      typeof sent['userName'] === 'string'
        ? sent['userName']
        : typeof sent['tokenId'] === 'string'
          ? this.tokenUsers.get(sent['tokenId'])
          : undefined;
    if (user === undefined) return;
    for (const token of [answer['tokenId'], answer['refreshToken']])
      if (typeof token === 'string') this.tokenUsers.set(token, user);
  }

  identity(e: Exchange, index: number): { as?: string; authorization?: string; user?: string } {
    const auth = e.requestHeaders['authorization'];
    if (auth === undefined) return {};
    const bearer = /^Bearer\s+(.+)$/i.exec(auth)?.[1];
    if (bearer !== undefined) {
      const template = this.known.template(bearer);
      const user = this.tokenUsers.get(bearer);
      if (template !== undefined)
        return { authorization: `Bearer ${template}`, ...(user === undefined ? {} : { user }) };
      if (e.bearerUser !== undefined) return { as: this.userProfile(e.bearerUser) };
      this.warnings.push(`step ${index + 1}: a Bearer token of an unknown user was removed; set its \`as:\``);
      return {};
    }
    const nws4 = parseNws4Authorization(auth);
    if (nws4.ok)
      return {
        as: this.options.identities.byClient.get(nws4.value.clientId) ?? this.missing(profileName(nws4.value.clientId)),
      };
    this.warnings.push(`step ${index + 1}: an Authorization header (${auth.split(' ')[0] ?? ''}) was removed`);
    return {};
  }

  missing(name: string): string {
    const warning = `profile '${name}' is used but not in the profiles file`;
    if (!this.warnings.includes(warning)) this.warnings.push(warning);
    return name;
  }

  userProfile(userName: string): string {
    return this.options.identities.byUser.get(userName) ?? this.missing(profileName(userName));
  }

  step(e: Exchange, index: number): { step: Step; note?: string } {
    const [rawPath = '/', rawQuery] = e.url.split(/\?(.*)/s);
    const customer = CUSTOMER.exec(rawPath);
    if (e.method === 'PUT' && e.status === 201 && customer?.[1] !== undefined)
      this.known.perRun(decodeURIComponent(customer[1]));
    const path = rawPath
      .split('/')
      .map((segment) => this.known.substitute(segment))
      .join('/');
    const query = rawQuery === undefined || rawQuery === '' ? undefined : generalizeQuery(rawQuery, this.known);
    const who = this.identity(e, index);
    const headers: Record<string, string> = Object.fromEntries(
      Object.entries(e.requestHeaders).filter(
        ([k]) => !DROPPED_HEADERS.has(k) && !k.startsWith('sec-') && !k.startsWith('x-forwarded-'),
      ),
    );
    if (who.authorization !== undefined) headers['authorization'] = who.authorization;
    const contentType = e.requestHeaders['content-type'];
    const json = parseJson(e.requestBody, contentType ?? 'application/json');
    const request: StepRequest = {
      method: e.method.toUpperCase() as Method,
      path,
      ...(query === undefined ? {} : { query }),
    };
    if (Object.keys(headers).length > 0) request.headers = headers;
    if (e.requestBody.length > 0) {
      if (json === undefined) request.rawBody = this.known.substitute(e.requestBody.toString('utf8'));
      else
        request.body = requestBody(e, rawPath, json, {
          known: this.known,
          versions: this.versions,
          profileOf: (user) => this.userProfile(user),
        });
      if (contentType !== undefined && !/^application\/json\s*(;|$)/i.test(contentType))
        request.contentType = contentType;
    }
    const responseType = e.responseHeaders['content-type'];
    const body = parseJson(e.responseBody, responseType);
    const ctx: BodyContext = {
      known: this.known,
      sent: strings(json, new Set()),
      stableLists: JSON.stringify(query ?? '').includes('${'),
      captures: {},
      versions: this.versions,
    };
    const expect: Step['expect'] = { status: e.status };
    if (body !== undefined && e.responseBody.length <= MAX_BODY) expect.body = generalizeBody(body, ctx);
    const expectHeaders: Record<string, unknown> = {};
    if (responseType !== undefined)
      expectHeaders['content-type'] = { $startsWith: responseType.split(';')[0]?.trim() ?? '' };
    const location = e.responseHeaders['location'];
    if (location !== undefined) {
      const locationPath = location.replace(/^https?:\/\/[^/]+/i, '');
      expectHeaders['location'] =
        locationPath === location
          ? this.known.substitute(location)
          : { $endsWith: this.known.substitute(locationPath) };
    }
    for (const name of KEPT_RESPONSE_HEADERS)
      if (e.responseHeaders[name] !== undefined)
        expectHeaders[name] = this.known.substitute(e.responseHeaders[name] ?? '');
    if (Object.keys(expectHeaders).length > 0) expect.headers = expectHeaders;
    this.learnTokens(json, body);
    const mismatch = this.options.specCheck?.(request.method, rawPath, e.status, responseType, body);
    if (mismatch !== undefined) expect.schema = false;
    // `*` (what fetch sends by default) asks for nothing in particular: the same as no header.
    const lang = e.requestHeaders['accept-language'] === '*' ? undefined : e.requestHeaders['accept-language'];
    const user = who.user === undefined ? undefined : (this.options.identities.byUser.get(who.user) ?? who.user);
    const step: Step = {
      name: `${request.method} ${routeOf(rawPath).route ?? path} as ${who.as ?? user ?? (who.authorization === undefined ? 'anonymous' : 'a recorded token')}`,
      ...(who.as === undefined ? {} : { as: who.as }),
      ...(lang === undefined ? {} : { lang }),
      request,
      expect,
      ...(Object.keys(ctx.captures).length > 0 ? { capture: ctx.captures } : {}),
    };
    return mismatch === undefined
      ? { step }
      : { step, note: `the recorded response does not match the spec (${mismatch}), so this step checks no schema` };
  }
}

/** Turns recorded exchanges into one editable scenario that replays against the same server. */
export function generalize(exchanges: readonly Exchange[], options: GeneralizeOptions): Recording {
  const g = new Generalizer(options);
  const notes = new Map<number, string>();
  let steps = exchanges.map((e, i) => {
    const { step, note } = g.step(e, i);
    if (note !== undefined) notes.set(i, note);
    return step;
  });
  steps = renumberCaptures(pruneCaptures(steps));
  const as = hoist(steps, 'as');
  const lang = hoist(as.steps, 'lang');
  const scenario: Scenario = {
    name: options.name,
    basis: 'decision',
    source: options.source,
    ...(as.value === undefined ? {} : { as: as.value }),
    ...(lang.value === undefined ? {} : { lang: lang.value }),
    steps: lang.steps,
  };
  return { file: { tags: ['recorded'], scenarios: [scenario] }, notes, warnings: g.warnings };
}
