import { parseArgs } from 'node:util';
import { CONTROL_TOKEN_HEADER } from '../control-token.js';
import { type ControlPlan, TARGET_OPTIONS, UsageError, controlTarget } from './control-command.js';
import { UnreachableMock } from './run-control.js';
import { type ChangeEntry, LOG_HEADINGS, type RequestEntry, changeRow, requestRow } from './log-table.js';

export type LogName = 'requests' | 'changes';

/** Which requests to show; every member given must match. */
export interface LogFilter {
  method?: string;
  /** `404` → [404, 404]; `4xx` → [400, 499]. */
  status?: readonly [number, number];
  /** Text the URL (path and query) contains. */
  path?: string;
}

export interface LogPlan extends Omit<ControlPlan, 'call'> {
  log: LogName;
  limit: number;
  since?: number;
  follow: boolean;
  filter: LogFilter;
}

const COMMON = {
  ...TARGET_OPTIONS,
  limit: { type: 'string' },
  since: { type: 'string' },
  follow: { type: 'boolean', short: 'f' },
} as const;

/** The options of each log: the filters are the request log's (a change has no method, status or URL). */
const OPTIONS = {
  requests: { ...COMMON, method: { type: 'string' }, status: { type: 'string' }, path: { type: 'string' } },
  changes: COMMON,
} as const;

function count(flag: string, text: string | undefined, fallback?: number): number | undefined {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${flag} must be a whole number, got "${text}"`);
  return Number(text);
}

function statusRange(text: string | undefined): readonly [number, number] | undefined {
  if (text === undefined) return undefined;
  const exact = /^[1-5]\d\d$/.test(text);
  if (!exact && !/^[1-5]xx$/i.test(text))
    throw new UsageError(`--status must be a status (404) or a class (4xx), got "${text}"`);
  const low = exact ? Number(text) : Number(text[0]) * 100;
  return [low, exact ? low : low + 99];
}

/** What a `portos-mock requests|changes …` line asks for (no I/O). */
export function planLogs(log: LogName, args: readonly string[], env: Record<string, string | undefined>): LogPlan {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...args], options: OPTIONS[log], strict: true, allowPositionals: false })
      .values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const since = count('since', text('since'));
  const status = statusRange(text('status'));
  const method = text('method')?.toUpperCase();
  return {
    ...controlTarget(
      { url: text('url'), prefix: text('prefix'), 'control-token': text('control-token'), lang: text('lang') },
      env,
    ),
    log,
    limit: count('limit', text('limit'), 50) ?? 50,
    ...(since === undefined ? {} : { since }),
    follow: values['follow'] === true,
    filter: {
      ...(method === undefined ? {} : { method }),
      ...(status === undefined ? {} : { status }),
      ...(text('path') === undefined ? {} : { path: text('path') as string }),
    },
  };
}

type Entry = RequestEntry | ChangeEntry;

function matches(entry: Entry, filter: LogFilter): boolean {
  if (!('url' in entry)) return true;
  if (filter.method !== undefined && entry.method.toUpperCase() !== filter.method) return false;
  if (
    filter.status !== undefined &&
    (entry.status === null || entry.status < filter.status[0] || entry.status > filter.status[1])
  )
    return false;
  return filter.path === undefined || entry.url.includes(filter.path);
}

export interface LogIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A terminal gets a table; a pipe gets one JSON object per line. */
  tty: boolean;
}

export interface FollowOptions {
  /** Resolves when following should stop (SIGINT). */
  stop?: Promise<unknown>;
  /** Between polls (default 1000 ms). */
  pollMs?: number;
}

type Page = { ok: true; items: Entry[] } | { ok: false; text: string };

async function fetchPage(plan: LogPlan, since: number | undefined, limit: number | undefined): Promise<Page> {
  const query = new URLSearchParams({
    ...(since === undefined ? {} : { since: String(since) }),
    ...(limit === undefined ? {} : { limit: String(limit) }),
  }).toString();
  const path = `/${plan.log}${query === '' ? '' : `?${query}`}`;
  let response: Response;
  try {
    response = await fetch(`${plan.url}${plan.prefix}${path}`, {
      headers: {
        'accept-language': plan.lang,
        ...(plan.token === undefined ? {} : { [CONTROL_TOKEN_HEADER]: plan.token }),
      },
    });
  } catch (error) {
    throw new UnreachableMock(plan, error);
  }
  const text = await response.text();
  if (!response.ok) return { ok: false, text: `${response.status} GET ${path}\n${text === '' ? '' : `${text}\n`}` };
  return { ok: true, items: (JSON.parse(text) as { items: Entry[] }).items };
}

/** Prints a log oldest first (newest last), then, with `follow`, polls for new entries until `stop`; 0, or 1 refused. */
export async function runLogs(plan: LogPlan, io: LogIo, options: FollowOptions = {}): Promise<0 | 1> {
  const filtered = Object.keys(plan.filter).length > 0;
  const print = (entries: readonly Entry[]) => {
    for (const entry of entries)
      io.stdout(
        `${io.tty ? ('url' in entry ? requestRow(entry) : changeRow(entry as ChangeEntry)) : JSON.stringify(entry)}\n`,
      );
  };
  // Filters apply here, so a filtered listing reads the whole log and keeps the last `limit` that match.
  // At least one entry, even with --limit 0, so that --follow knows where the log stands.
  const first = await fetchPage(plan, plan.since, filtered ? undefined : Math.max(1, plan.limit));
  if (!first.ok) {
    io.stderr(first.text);
    return 1;
  }
  if (io.tty) io.stdout(`${LOG_HEADINGS[plan.log]}\n`);
  const shown = first.items.filter((e) => matches(e, plan.filter));
  print(shown.slice(Math.max(0, shown.length - plan.limit)));
  let last = Math.max(plan.since ?? 0, ...first.items.map((e) => e.seq));
  let stopped = !plan.follow;
  void options.stop?.then(() => {
    stopped = true;
  });
  while (!stopped) {
    await Promise.race([new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000)), options.stop]);
    if (stopped) break;
    const next = await fetchPage(plan, last, undefined);
    if (!next.ok) {
      io.stderr(next.text);
      return 1;
    }
    print(next.items.filter((e) => matches(e, plan.filter)));
    last = Math.max(last, ...next.items.map((e) => e.seq));
  }
  return 0;
}
