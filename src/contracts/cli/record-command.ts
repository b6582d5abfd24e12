import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { checkSchema } from '../check.js';
import { specIndex } from '../../spec/spec-index.js';
import { defaults, packageRoot } from '../package-files.js';
import { loadProfiles } from '../profiles.js';
import { generalize, identityMap } from '../record/generalize.js';
import { startRecorder, type Exchange } from '../record/proxy.js';
import { recordingYaml } from '../record/write.js';
import { checkReachable, unreachableLine } from '../reachable.js';
import { formatIssue } from '../report/console.js';
import { parseRecordArgs } from './args.js';
import type { CommandIo } from './io.js';
import { RECORD_USAGE } from './usage.js';

/** A spec check for the recorder: the first schema finding of a response, or undefined when it conforms. */
function specChecker():
  | ((
      method: string,
      path: string,
      status: number,
      contentType: string | undefined,
      body: unknown,
    ) => string | undefined)
  | undefined {
  if (defaults.spec() === undefined) return undefined;
  const spec = specIndex('documented');
  return (method, path, status, contentType, body) => {
    const obs = {
      status,
      headers: contentType === undefined ? {} : { 'content-type': contentType },
      text: body === undefined ? '' : JSON.stringify(body),
      body,
      durationMs: 0,
    };
    const [first] = checkSchema({ status }, { method, path, lang: '' }, obs, spec);
    return first === undefined ? undefined : `${first.path}: ${first.message}`;
  };
}

/** `portos-contracts record`: proxy to `--upstream`, rewriting `--out`/<name>.yaml after every exchange until stopped. */
export async function recordCommand(
  argv: readonly string[],
  io: CommandIo,
  stop: Promise<unknown> = signalled(),
): Promise<number> {
  const parsed = parseRecordArgs(argv);
  if (!parsed.ok) {
    io.stderr(`portos-contracts record: ${parsed.error} (see portos-contracts --help)\n`);
    return 2;
  }
  const args = parsed.value;
  if (args.help) {
    io.stdout(RECORD_USAGE);
    return 0;
  }
  const profilesFile = args.profiles === undefined ? defaults.profiles(io.cwd, io.env) : resolve(io.cwd, args.profiles);
  const { profiles, issues } = loadProfiles(profilesFile, io.env);
  if (profiles === undefined) {
    io.stderr(issues.map((i) => `portos-contracts record: ${formatIssue(i)}\n`).join(''));
    return 2;
  }
  // Nothing is listened on, and nothing written, when the upstream does not answer.
  const reachable = await checkReachable(args.upstream, { timeoutMs: 10_000, retries: 0 });
  if (!reachable.ok) {
    io.stderr(`${unreachableLine(reachable)}\n`);
    return 2;
  }
  const started = new Date();
  const name = args.name ?? `recorded ${started.toISOString().slice(0, 19).replace('T', ' ')}`;
  const outDir = resolve(io.cwd, args.out);
  const file = join(outDir, `${name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-|-$/g, '')}.yaml`);
  // Paths as the user gave them (relative to where they ran the command): no absolute path goes into a recording.
  const shown = portable(relative(io.cwd, file));
  const specCheck = specChecker();
  const source = `recorded from ${args.upstream} on ${started.toISOString()}`;
  const options = {
    name,
    source,
    identities: identityMap(profiles),
    ...(specCheck === undefined ? {} : { specCheck }),
  };
  const schemaRef = portable(relative(outDir, join(packageRoot(), 'spec', 'scenario.schema.json')));
  const header = [
    `Recorded by portos-contracts from ${args.upstream}. Replay: portos-contracts run --base-url URL ${shown}`,
  ];
  const write = (exchanges: readonly Exchange[]): string | undefined => {
    const recording = generalize(exchanges, options);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(file, recordingYaml(recording, header, isAbsolute(schemaRef) ? undefined : schemaRef));
    return recording.file.scenarios[0]?.steps.at(-1)?.name;
  };
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (error) {
    io.stderr(`portos-contracts record: --out ${args.out} cannot be created (${(error as Error).message})\n`);
    return 2;
  }
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  try {
    recorder = await startRecorder({
      upstream: args.upstream,
      port: args.port,
      host: args.host,
      onExchange: (e, all) => {
        if (all.length === 1) io.stdout(`portos-contracts record: writing ${shown}\n`);
        const label = write(all);
        io.stdout(`  ${e.method} ${e.url} → ${e.status}${label === undefined ? '' : `  (${label})`}\n`);
      },
    });
  } catch (error) {
    const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    io.stderr(
      busy
        ? `portos-contracts record: port ${args.port} on ${args.host} is in use; pick another --port (0 = any free port)\n`
        : `portos-contracts record: cannot listen on ${args.host}:${args.port} (${(error as Error).message})\n`,
    );
    return 2;
  }
  io.stdout(`portos-contracts record: ${recorder.url} → ${args.upstream}; recording (Ctrl-C to stop)\n`);
  await stop;
  await recorder.close();
  const count = recorder.exchanges.length;
  io.stdout(
    count === 0
      ? 'portos-contracts record: no exchanges, no file written\n'
      : `portos-contracts record: ${count} exchanges in ${shown}\n`,
  );
  return 0;
}

/** A path with `/` separators, as a recording shows it on any system. */
function portable(path: string): string {
  return path.split(sep).join('/');
}

function signalled(): Promise<string> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}
