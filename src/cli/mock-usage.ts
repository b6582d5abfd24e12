import type { ControlCommand } from '../control/cli/control-command.js';

/** Every `portos-mock` command. */
export type MockCommand = 'serve' | 'token' | ControlCommand;

const SERVE_OPTIONS = `Options:
  --port N               port (env PORT; default 3000; 0 = any free port)
  --host ADDR            interface (env PORTOS_MOCK_HOST; default 127.0.0.1; 0.0.0.0 for all, e.g. in a container)
  --seed N               seed of the generated customers (env PORTOS_MOCK_SEED; default 42)
  --count N              number of generated customers (env PORTOS_MOCK_COUNT; default 250; 0 = empty)
  --default-locale L     sk-SK or en-GB (env PORTOS_MOCK_LOCALE; default sk-SK)
  --strict               unknown body members and query parameters are 400s (env PORTOS_MOCK_STRICT=1)
  --base-path /PREFIX    serve every PORTOS route under a prefix (env PORTOS_MOCK_BASE_PATH)
  --config FILE          JSON file with any configuration key (see README)
  --identities FILE      users, devices and API keys instead of fixtures/identities.json
  --no-auth              let every request through as admin
  --no-control           switch off the control API (/_mock) and the fault header (env PORTOS_MOCK_CONTROL=0);
                         do this on shared deployments: the control API needs no PORTOS credentials
  --control-token T      every control request must send X-Mock-Control-Token: T, else 401
                         (env PORTOS_MOCK_CONTROL_TOKEN; default none)
  --state FILE           start from FILE (a state document or a customers array) and keep it current
  --webhook URL[#SECRET] POST a signed notification to URL on every create/update/delete (repeatable)
  --no-docs              do not serve the API docs page (/docs)
  --quiet                do not log requests on the console
Layers: defaults ← --config file ← environment ← flags.
`;

const CONTROL_OPTIONS = `Options (every control command; src/control/CONTROL-API.md#cli):
  --url URL              the running mock (env PORTOS_MOCK_URL; default http://127.0.0.1:3000)
  --prefix P             the control API's prefix (default /_mock)
  --control-token T      the mock's control token (env PORTOS_MOCK_CONTROL_TOKEN; default none)
  --lang L               the language of the mock's messages: sk-SK or en-GB (default en-GB)
Exit codes: 0 done, 1 the mock refused (its problem on stderr), 2 usage or no answer.
`;

const LOG_OPTIONS = `  --limit N              the last N entries that pass the filters (default 50)
  --since SEQ            only entries after SEQ
  --follow               keep polling and print new entries as they come (Ctrl-C stops)
Printed oldest first (newest last): a table on a terminal, one JSON object per line when piped.
`;

function control(lines: string): string {
  return `Usage:\n${lines}\n${CONTROL_OPTIONS}`;
}

/** What `portos-mock COMMAND --help` prints. */
export const COMMAND_USAGE: Record<MockCommand, string> = {
  serve: `Usage: portos-mock serve [options]     run the mock (npm start runs this)\n\n${SERVE_OPTIONS}`,
  token: `Usage: portos-mock token --user NAME [--device P01] [serve options]
  print a valid access token (JWT) for a fixture user (the serve options --config, --identities, env… apply)
`,
  reset: control('  portos-mock reset [--seed N] [--count N]      back to the seed (optionally another seed/count)\n'),
  load: control(
    '  portos-mock load FILE [--merge] [--resource SEGMENT]\n' +
      '                                                replace (or merge by key) the customers, or the items of\n' +
      '                                                SEGMENT (stocks, vats, …), with a fixture or state file\n',
  ),
  snapshot: control(
    '  portos-mock snapshot save NAME [--file F] | restore NAME | get NAME | delete NAME | list\n' +
      '                                                named snapshots (save --file F uploads one)\n',
  ),
  clock: control(
    '  portos-mock clock [show] | freeze [AT] | set AT | advance BY | resume | reset\n' +
      '                                                AT: ISO date-time or epoch ms; BY: 1d, -2h, 30m, 500ms\n',
  ),
  fault: control(
    '  portos-mock fault add SPEC [--route R] [--method M] [--id ID] [--share S] [--times N]\n' +
      '                                                SPEC as in the fault header: latency=300, latency=100-500,\n' +
      '                                                status=500, status=423, drop, truncate[=BYTES]\n' +
      '  portos-mock fault list | clear | remove ID\n',
  ),
  lock: control(
    '  portos-mock lock [SEGMENT/]KEY                writes to it answer 423 (errorCode 5); a bare KEY is a\n' +
      '                                                customer id, else stocks/S01, vats/3, …\n',
  ),
  unlock: control('  portos-mock unlock [[SEGMENT/]KEY]            one lock, or all of them\n'),
  locks: control('  portos-mock locks                             the locked customer ids and SEGMENT/KEYs\n'),
  counts: control(
    '  portos-mock counts                            how many customers, snapshots, faults, log entries…\n',
  ),
  requests: control(
    '  portos-mock requests [--limit N] [--since SEQ] [--follow] [--method M] [--status S] [--path TEXT]\n' +
      '                                                the request log (PORTOS routes only)\n' +
      LOG_OPTIONS +
      '  --method M             only this method (GET, POST, …)\n' +
      '  --status S             only this status (404) or class (4xx)\n' +
      '  --path TEXT            only URLs containing TEXT (e.g. /customers/c1)\n',
  ),
  changes: control(
    '  portos-mock changes [--limit N] [--since SEQ] [--follow]\n' +
      '                                                the change log: every create, update, delete and replace\n' +
      LOG_OPTIONS,
  ),
};

/** What `portos-mock --help` (and a bare `portos-mock`) prints. */
export const MOCK_USAGE = `portos-mock: a stateful mock of the PORTOS Customers API

Usage:
  portos-mock serve [options]             run the mock (npm start runs this)
  portos-mock token --user NAME [--device P01] [options]
                                          print a valid access token for a fixture user
  portos-mock COMMAND --help              the usage of one command
  portos-mock --version                   the package version

Serve ${SERVE_OPTIONS}
Control a running mock (src/control/CONTROL-API.md; options: --url URL, default $PORTOS_MOCK_URL or
http://127.0.0.1:3000, --prefix, default /_mock, --control-token T, default $PORTOS_MOCK_CONTROL_TOKEN, and
--lang sk-SK|en-GB for the mock's messages, default en-GB):
  portos-mock reset [--seed N] [--count N]            back to the seed (optionally another seed/count)
  portos-mock load FILE [--merge] [--resource SEGMENT]
                                                      replace (or merge) the customers (or SEGMENT's items)
  portos-mock snapshot save|restore|get|delete NAME   named snapshots (save --file F uploads one)
  portos-mock snapshot list
  portos-mock clock [show] | freeze [AT] | set AT | advance BY | resume | reset
                                                      AT: ISO date-time or epoch ms; BY: 1d, -2h, 30m, 500ms
  portos-mock fault add SPEC [--route R] [--method M] [--id ID] [--share S] [--times N]
                                                      SPEC as in the fault header: latency=300, latency=100-500,
                                                      status=500, status=423, drop, truncate[=BYTES]
  portos-mock fault list | clear | remove ID
  portos-mock lock [SEGMENT/]KEY | unlock [..] | locks  writes to a locked item answer 423 (errorCode 5)
  portos-mock counts
  portos-mock requests [--limit N] [--follow] [--method M] [--status S] [--path TEXT]
  portos-mock changes [--limit N] [--follow]          the logs, newest last (a table on a terminal, else JSON lines)
`;
