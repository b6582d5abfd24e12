/** `portos-contracts run --help`. */
export const RUN_USAGE = `Usage: portos-contracts run --base-url URL [paths...] [options]
  run scenario files: the paths given, else the bundled suite (the package's own contracts/ folder; a ./contracts
  in the current folder is not picked up: name it with --scenarios contracts)

Options:
  --base-url URL        server to test, e.g. http://localhost:3000 (env PORTOS_BASE_URL)
  --scenarios DIR       scenario files or a folder of them instead of the bundled suite (repeatable; as paths...)
  --profiles FILE       identities (default: $PORTOS_CONTRACTS_PROFILES, ./profiles.yaml, else the mock's fixtures)
  --tags LIST           run scenarios having any of these tags (comma list; !tag excludes); repeat to require all
  --grep TEXT           run scenarios whose "file › name" contains TEXT (or matches /regex/flags)
  --shard I/N           run the I-th of N equal parts (for parallel CI jobs)
  --concurrency N       scenarios at once (default 4)
  --timeout MS          per request (default 10000)
  --retries N           retry transport failures (idempotent requests; POST only when refused) (default 0)
  --insecure            accept any TLS certificate        --ca FILE   trust this CA (PEM)
  --spec FILE           OpenAPI document for schema checks (default: the package's spec/openapi.yaml)
  --spec-view VIEW      documented (default: the PORTOS contract as documented) or strict (exactly what the mock sends)
  --no-schema           skip the default schema checks
  --probe               unconfirmed decisions are reported, not failing the run (for a real server); a
                        scenario that could not run still does
  --bail                stop at the first scenario that fails the run (contract broken, assumption not confirmed
                        without --probe, could not run); those not started yet are reported as skipped
  --control-url URL     the mock control API (default: --control-prefix at the server root); scenarios tagged
  --control-prefix P    control are skipped when it does not answer (default prefix /_mock)
  --control-token T     the mock's control token, sent on every control call (env PORTOS_MOCK_CONTROL_TOKEN)
  --list                list the selected scenarios and exit
  --dry-run             load and check scenarios and profiles, print what would be sent, and exit
  --reporter NAME[:FILE]  junit, json, html or console, to FILE or (without one) to stdout; repeatable:
                        --reporter junit:results.xml --reporter html:report.html. The console progress and
                        summary are always on (on stderr while a report goes to stdout); one report at most on stdout
  --out FILE            the file of the first --reporter that names none (alone: the console report to FILE)
  --no-color            plain console output

Before a run, GET {base-url}/api/v2/health must get an HTTP answer (any status); if none: one line, exit 2.
Paths in answers (instance, Location, ...) are compared relative to the base URL's path (a server behind a prefix).

Exit codes (the highest wins):
  2  a scenario could not run (no HTTP answer: refused, reset, timeout, TLS, DNS; or a login failed), no answer
     before the run, invalid scenarios or profiles, usage (also: nothing selected)
  1  a contract broken (or an assumption not confirmed, without --probe)
  0  all passed
`;

/** `portos-contracts record --help`. */
export const RECORD_USAGE = `Usage: portos-contracts record --upstream URL --port P --out DIR [options]
  a proxy that records traffic as a scenario file (rewritten after every exchange; Ctrl-C stops)

Options:
  --upstream URL        server to forward to (must answer GET {upstream}/api/v2/health first, else exit 2)
  --port P              port to listen on (0 = any free port)
  --out DIR             where the scenario file goes (created on the first exchange)
  --name NAME           scenario name (default: recorded <date>); the file is NAME.yaml
  --profiles FILE       map users and API keys to profile names (default as for run)
  --host ADDR           interface (default 127.0.0.1)
`;

/** `portos-contracts schema --help`. */
export const SCHEMA_USAGE = `Usage: portos-contracts schema
  print the JSON Schema of scenario files (spec/scenario.schema.json)
`;

/** Help text of `portos-contracts`. */
export const USAGE = `portos-contracts: contract tests for the PORTOS Customers API (scenario files, see src/contracts/FORMAT.md)

Usage:
  portos-contracts run --base-url URL [paths...] [options]    run scenario files (default: the bundled suite)
  portos-contracts record --upstream URL --port P --out DIR   proxy that records traffic as scenario files
  portos-contracts schema                                     print the JSON Schema of scenario files
  portos-contracts COMMAND --help                             the usage of one command
  portos-contracts --version                                  the package version

run: ${RUN_USAGE.slice(RUN_USAGE.indexOf('\n') + 1)}
record: ${RECORD_USAGE.slice(RECORD_USAGE.indexOf('\n') + 1)}`;
