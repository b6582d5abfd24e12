import { signNws4 } from '../auth/nws4.js';
import type { Profile, Profiles } from './profiles.js';
import { send, type HttpOptions, type HttpRequest } from './replay.js';
import type { Nws4Options } from './scenario.js';

export type Authorized = { ok: true; request: HttpRequest } | { ok: false; error: string };

function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + path;
}

function tamper(req: HttpRequest, how: Nws4Options['tamper']): HttpRequest {
  const headers = { ...req.headers };
  if (how === 'body') {
    // Trailing whitespace keeps JSON valid while its hash no longer matches x-nd-content-sha256.
    return { ...req, headers, body: Buffer.concat([req.body ?? Buffer.alloc(0), Buffer.from(' ')]) };
  }
  if (how === 'signature') {
    const auth = headers['authorization'] ?? '';
    headers['authorization'] = auth.slice(0, -1) + (auth.endsWith('0') ? '1' : '0');
  }
  if (how === 'date') {
    const date = Date.parse(headers['x-nd-date'] ?? '');
    if (Number.isFinite(date)) headers['x-nd-date'] = new Date(date + 1000).toISOString();
  }
  return { ...req, headers };
}

/**
 * Turns profile names into credentials on a request: logs bearer profiles in once per run (the token is cached),
 * signs each NWS4 request at send time, adds fixed tokens and headers. Talks to the server only over HTTP.
 */
export class IdentityResolver {
  readonly #tokens = new Map<string, Promise<{ ok: true; token: string } | { ok: false; error: string }>>();

  constructor(
    readonly profiles: Profiles,
    readonly baseUrl: string,
    readonly http: HttpOptions,
    readonly now: () => Date = () => new Date(),
  ) {}

  /** The profile of `name`, or why it cannot be used. */
  profile(name: string): { ok: true; profile: Profile } | { ok: false; reason: string } {
    return this.profiles.get(name);
  }

  #login(name: string, p: Extract<Profile, { kind: 'bearer' }>) {
    let pending = this.#tokens.get(name);
    if (pending === undefined) {
      pending = (async () => {
        const body = Buffer.from(
          JSON.stringify({ userName: p.userName, password: p.password, deviceName: p.deviceName }),
        );
        const url = joinUrl(this.baseUrl, p.loginPath);
        const result = await send(
          { method: 'POST', url, headers: { 'content-type': 'application/json', accept: 'application/json' }, body },
          this.http,
        );
        if (!result.ok) return { ok: false as const, error: `login of '${name}' failed: ${result.error}` };
        const token = (result.observation.body as { tokenId?: unknown } | undefined)?.tokenId;
        if (result.observation.status !== 200 || typeof token !== 'string') {
          return {
            ok: false as const,
            error: `login of '${name}' failed: HTTP ${result.observation.status} ${result.observation.text.slice(0, 200)}`,
          };
        }
        return { ok: true as const, token };
      })();
      this.#tokens.set(name, pending);
    }
    return pending;
  }

  /** Adds the credentials of profile `name` to `req` (which already carries every other header). */
  async authorize(name: string, req: HttpRequest, nws4: Nws4Options = {}): Promise<Authorized> {
    // A step's own key (one the scenario created) signs instead of the identity's credentials.
    const found: ReturnType<IdentityResolver['profile']> =
      nws4.key === undefined ? this.profile(name) : { ok: true, profile: { kind: 'nws4', ...nws4.key } };
    if (!found.ok) return { ok: false, error: found.reason };
    const p = found.profile;
    switch (p.kind) {
      case 'anonymous':
        return { ok: true, request: req };
      case 'token':
        return { ok: true, request: { ...req, headers: { ...req.headers, authorization: `Bearer ${p.token}` } } };
      case 'headers':
        return { ok: true, request: { ...req, headers: { ...req.headers, ...p.headers } } };
      case 'bearer': {
        const login = await this.#login(name, p);
        if (!login.ok) return login;
        return { ok: true, request: { ...req, headers: { ...req.headers, authorization: `Bearer ${login.token}` } } };
      }
      case 'nws4': {
        const at = new Date(this.now().getTime() + (nws4.clockSkewSeconds ?? 0) * 1000);
        const options = nws4.signedHeaders === undefined ? {} : { signedHeaders: nws4.signedHeaders };
        let added: Record<string, string>;
        try {
          added = signNws4(
            { method: req.method, url: req.url, headers: req.headers, body: req.body ?? '' },
            p,
            at,
            options,
          );
        } catch (error) {
          return { ok: false, error: `cannot sign for '${name}': ${(error as Error).message}` };
        }
        const signed = { ...req, headers: { ...req.headers, ...added } };
        return { ok: true, request: nws4.tamper === undefined ? signed : tamper(signed, nws4.tamper) };
      }
    }
  }
}
