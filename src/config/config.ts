import type { Locale } from '../i18n/locales.js';

/**
 * Everything the mock decides where a real PORTOS server might decide differently (docs/decisions.md),
 * in one typed object. Defaults are in `DEFAULT_CONFIG`; a config file, env variables and CLI flags
 * override them (see `load-config.ts`).
 */
export interface Config {
  /** TCP port (`PORT`, `--port`). */
  port: number;
  /** Interface to listen on (`PORTOS_MOCK_HOST`, `--host`; `0.0.0.0` in a container). */
  host: string;
  /** Seed of the generated customers (`PORTOS_MOCK_SEED`, `--seed`). */
  seed: number;
  /** How many customers to generate (`PORTOS_MOCK_COUNT`, `--count`); 0 starts empty. */
  count: number;
  /** Language when Accept-Language names none we support (`PORTOS_MOCK_LOCALE`, `--default-locale`). */
  defaultLocale: Locale;
  /** Unknown body members, unknown or repeated query parameters become 400s (`--strict`). */
  strict: boolean;
  /** Prefix of every PORTOS route, e.g. `/portos` (`--base-path`); '' = none, as documented. */
  basePath: string;
  /** Largest accepted request body in bytes; larger ones get 413. */
  bodyLimitBytes: number;
  /** Answer a creating PUT with 201 (true) or 200 (false). */
  putCreatedStatus: 200 | 201;
  /** Status of a `_v` mismatch (errorCode 6): 400 (default; PORTOS lists no 409) or 409 Conflict. */
  versionMismatchStatus: 400 | 409;
  /** Send a `Location` header on 201 responses. */
  locationHeader: boolean;
  /** The resource name in `ResourceInfo` (errorCode 6) and in problem details. */
  customerResourceName: string;
  cors: {
    enabled: boolean;
    /** `*` or the allowed origins. */
    origins: '*' | readonly string[];
  };
  ndata: {
    /** How strings compare in gt/lt/between and $sort: by UTF-16 code unit (MongoDB binary) or by locale collation. */
    stringOrder: 'ordinal' | 'locale';
    /** What a repeated `$skip`, `$take`, `$count`, `$sort`, `Search`, `IsExpired` means outside strict mode. */
    repeatedSingleParameter: 'first' | 'error';
    /**
     * Keep recent answers per store version and query, for repeats (on by default); off, every query is
     * evaluated (what the bench measures the targets with).
     */
    answerCache: boolean;
  };
  /**
   * Log every request on the console, one line each as it happens (text on a terminal, pino JSON lines when piped);
   * `portos-mock serve` turns it on, `--quiet` off.
   */
  logRequests: boolean;
  /** The interactive API docs at `/docs` (swagger-ui over the spec, served by the mock itself). */
  docs: {
    enabled: boolean;
  };
  /** The mock control API, faults, logs, webhooks and state file (src/control/CONTROL-API.md). */
  control: {
    /**
     * The control API under `prefix` and the fault header (`--no-control`, `PORTOS_MOCK_CONTROL=0`). For local and
     * QA use: it needs no PORTOS credentials (at most `token`), so switch it off on shared deployments. Off: `prefix`
     * is an unknown route.
     */
    enabled: boolean;
    /** Where the control API lives, outside the PORTOS base path. */
    prefix: string;
    /** The per-request fault header, e.g. `X-Mock-Fault: latency=300`. */
    faultHeader: string;
    /** Requests kept in the request log (and webhook attempts in the deliveries log). */
    requestLogSize: number;
    /** Writes kept in the change log. */
    changeLogSize: number;
    /** Receivers notified on every create, update and delete (`--webhook URL[#secret]`). */
    webhooks: readonly WebhookConfig[];
    /** Attempts after a failed first one. */
    webhookRetries: number;
    /** Wait before the first retry; doubles each time. */
    webhookBackoffMs: number;
    /** Give up an attempt after this long. */
    webhookTimeoutMs: number;
    /** Start from this file and keep it current (`--state FILE`); '' = none. */
    stateFile: string;
    /**
     * When set, every control request must carry it in `X-Mock-Control-Token` (else 401); '' = none
     * (`--control-token T`, `PORTOS_MOCK_CONTROL_TOKEN`).
     */
    token: string;
  };
  auth: {
    /** Require credentials on the PORTOS routes (off = every request acts as `admin`). */
    required: boolean;
    /** HS256 secret of the JWTs; a documented development default so `portos-mock token` and the mock agree. */
    jwtSecret: string;
    /** Access token lifetime in seconds. */
    tokenLifetimeSeconds: number;
    /** Refresh token lifetime in seconds. */
    refreshLifetimeSeconds: number;
    /** Allowed distance of `x-nd-date` from the mock's clock, in seconds (each way). */
    nws4WindowSeconds: number;
    /** File with users, devices and API keys; '' = the built-in fixtures. */
    identitiesFile: string;
    /**
     * A login on a sale device (`CashRegister`, `PDA`) ends the device's earlier sessions, as PORTOS documents
     * (off by default so that parallel logins on P01 work: docs/decisions.md#identity-resources).
     */
    singleSessionPerSaleDevice: boolean;
  };
  /** The SignalR hub PORTOS pushes notifications through (docs/decisions.md#real-time-notifications). */
  signalr: {
    /** Serve the hub; off: its paths are plain 404s. */
    enabled: boolean;
    /** The hub's path under `basePath` (case-insensitive); negotiate is `{path}/negotiate`. */
    path: string;
    /** Send a Ping after this long without sending anything (real time). */
    keepAliveIntervalMs: number;
    /** Close a connection that sent nothing for this long (real time). */
    clientTimeoutMs: number;
    /** Close a connection whose handshake has not arrived within this long (real time). */
    handshakeTimeoutMs: number;
    /** Largest message a client may send; a larger one closes the connection. */
    maxMessageBytes: number;
    /** More than this waiting to be sent to one connection (a client that does not read) closes it. */
    maxBufferedBytes: number;
  };
  /** The mock's PORTOS licence. */
  license: {
    /** When it expires (ISO 8601 instant, no zone = UTC), judged on the mock clock: the health check's `license` entry. */
    expirationTime: string;
  };
}

/**
 * A webhook receiver: PORTOS BackOffice's URL, optional secret and resource filter
 * (https://developers.portos.sk/notifications/webhooks).
 */
export interface WebhookConfig {
  url: string;
  /** Signs each notification (`X-PORTOS-WEBHOOK-SIGNATURE`). */
  secret?: string;
  /** Resource names it wants (e.g. `customer`); all when absent. */
  resources?: readonly string[];
}

export const DEFAULT_CONFIG: Config = {
  port: 3000,
  host: '127.0.0.1',
  seed: 42,
  count: 250,
  defaultLocale: 'sk-SK',
  strict: false,
  basePath: '',
  bodyLimitBytes: 1024 * 1024,
  putCreatedStatus: 201,
  versionMismatchStatus: 400,
  locationHeader: true,
  customerResourceName: 'customer',
  cors: { enabled: true, origins: '*' },
  ndata: { stringOrder: 'ordinal', repeatedSingleParameter: 'first', answerCache: true },
  logRequests: false,
  docs: { enabled: true },
  control: {
    enabled: true,
    prefix: '/_mock',
    faultHeader: 'X-Mock-Fault',
    requestLogSize: 1000,
    changeLogSize: 1000,
    webhooks: [],
    webhookRetries: 3,
    webhookBackoffMs: 200,
    webhookTimeoutMs: 5000,
    stateFile: '',
    token: '',
  },
  auth: {
    required: true,
    jwtSecret: 'portos-mock-development-secret-change-me',
    tokenLifetimeSeconds: 3600,
    refreshLifetimeSeconds: 7 * 24 * 3600,
    nws4WindowSeconds: 150,
    identitiesFile: '',
    singleSessionPerSaleDevice: false,
  },
  signalr: {
    enabled: true,
    path: '/signalr/v1/mainHub',
    keepAliveIntervalMs: 15_000,
    clientTimeoutMs: 30_000,
    handshakeTimeoutMs: 15_000,
    maxMessageBytes: 32_768,
    maxBufferedBytes: 16_777_216,
  },
  license: { expirationTime: '2099-12-31T23:00:00.000Z' },
};

/** A partial configuration, as a file or the library's callers give it; nested sections partial too. */
export type ConfigInput = {
  [K in keyof Config]?: Config[K] extends readonly unknown[] | string | number | boolean
    ? Config[K]
    : { [P in keyof Config[K]]?: Config[K][P] };
};
