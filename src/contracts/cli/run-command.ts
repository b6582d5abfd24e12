import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadScenarios } from '../load.js';
import { OpenApiIndex } from '../../spec/openapi-index.js';
import { specIndex } from '../../spec/spec-index.js';
import { defaults } from '../package-files.js';
import { loadProfiles } from '../profiles.js';
import { createDispatcher } from '../replay.js';
import { formatConsoleReport, formatIssue, formatProgress } from '../report/console.js';
import { formatHtmlReport } from '../report/html.js';
import { formatJsonReport } from '../report/json.js';
import { formatJunitReport } from '../report/junit.js';
import { exitCode, type RunResult } from '../result.js';
import { checkReachable, unreachableLine } from '../reachable.js';
import { preflight, runContracts } from '../run.js';
import { describeHubStep } from '../hub-step.js';
import { isHubStep, type LoadedScenario } from '../scenario.js';
import { selectScenarios } from '../select.js';
import { parseRunArgs, type RunArgs } from './args.js';
import type { CommandIo } from './io.js';
import type { ReporterName } from './reporters.js';
import { RUN_USAGE } from './usage.js';

const REPORT: Record<ReporterName, (result: RunResult) => string> = {
  console: (result) => formatConsoleReport(result, { color: false }),
  junit: (result) => formatJunitReport(result),
  json: (result) => formatJsonReport(result),
  html: (result) => formatHtmlReport(result),
};

function listLines(scenarios: readonly LoadedScenario[]): string {
  return scenarios.map((s) => `${s.id}  [${s.basis}]${s.tags.length > 0 ? `  #${s.tags.join(' #')}` : ''}\n`).join('');
}

function dryRunLines(scenarios: readonly LoadedScenario[]): string {
  const out: string[] = [];
  for (const s of scenarios) {
    out.push(`${s.id}  [${s.basis}]`);
    s.steps.forEach((step, i) => {
      if (isHubStep(step)) return void out.push(`  ${i + 1}. hub ${describeHubStep(step, s)}`);
      const as = step.as ?? s.defaults.as ?? 'anonymous';
      const lang = step.lang ?? s.defaults.lang;
      const who = [
        `as ${[as].flat().join('|')}`,
        ...(lang === undefined ? [] : [`lang ${[lang].flat().join('|')}`]),
      ].join(', ');
      if (step.arrange !== undefined)
        out.push(`  ${i + 1}. arrange: ${step.arrange.map((a) => JSON.stringify(a)).join(', ')}`);
      out.push(
        `  ${i + 1}. ${step.request.api === 'control' ? 'control ' : ''}${step.request.method} ${step.request.path} (${who}) → ${step.expect.transport ?? [step.expect.status].flat().join('|')}`,
      );
    });
    if (s.finally !== undefined) out.push(`  finally: ${s.finally.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}

function openSpec(args: RunArgs): { spec?: OpenApiIndex; error?: string } {
  if (!args.schema) return {};
  const file = args.spec ?? defaults.spec();
  if (file === undefined) return { error: 'no spec/openapi.yaml found: pass --spec FILE or --no-schema' };
  try {
    return { spec: args.spec === undefined ? specIndex(args.specView) : OpenApiIndex.load(file, args.specView) };
  } catch (error) {
    return { error: `cannot read the spec ${file}: ${(error as Error).message}` };
  }
}

/** `portos-contracts run`: load → select → run → report; returns the exit code. */
export async function runCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const parsed = parseRunArgs(argv, io.env, io.cwd);
  if (!parsed.ok) {
    io.stderr(`portos-contracts run: ${parsed.error} (see portos-contracts --help)\n`);
    return 2;
  }
  const args = parsed.value;
  if (args.help) {
    io.stdout(RUN_USAGE);
    return 0;
  }
  // The bundled suite, found from the package (never a ./contracts of the current folder), unless paths are given.
  const paths = args.paths.length > 0 ? args.paths.map((p) => resolve(io.cwd, p)) : [defaults.scenarios()];
  const loaded = loadScenarios(paths, io.cwd);
  const selected = selectScenarios(loaded.scenarios, {
    tags: args.tags,
    ...(args.grep === undefined ? {} : { grep: args.grep }),
    ...(args.shard === undefined ? {} : { shard: args.shard }),
  });
  if (args.list) {
    io.stdout(listLines(selected));
    for (const issue of loaded.issues) io.stderr(`${formatIssue(issue)}\n`);
    return loaded.issues.length > 0 ? 2 : 0;
  }
  const profilesFile = args.profiles === undefined ? defaults.profiles(io.cwd, io.env) : resolve(io.cwd, args.profiles);
  const { profiles, issues: profileIssues } = loadProfiles(profilesFile, io.env);
  const { spec, error: specError } = openSpec(args);
  const usage = [
    ...(specError === undefined ? [] : [specError]),
    ...(profiles === undefined ? profileIssues.map(formatIssue) : []),
  ];
  if (usage.length > 0 || profiles === undefined) {
    io.stderr(usage.map((l) => `portos-contracts run: ${l}\n`).join(''));
    return 2;
  }
  const issues = [...loaded.issues, ...profileIssues];
  if (args.dryRun) {
    io.stdout(dryRunLines(selected));
    const unusable = preflight(selected, profiles).issues;
    for (const issue of [...issues, ...unusable]) io.stderr(`${formatIssue(issue)}\n`);
    io.stdout(`${selected.length} scenarios would run (profiles: ${profiles.file})\n`);
    return issues.length > 0 || unusable.length > 0 ? 2 : 0;
  }
  if (selected.length === 0 && args.shard === undefined && loaded.issues.length === 0) {
    // An empty run would pass silently: most likely the tags, grep or paths are wrong.
    io.stderr(
      `portos-contracts run: no scenario selected (${loaded.scenarios.length} loaded from ${loaded.files.length} files)\n`,
    );
    return 2;
  }
  const baseUrl = args.baseUrl ?? '';
  const color = args.color && io.tty && io.env['NO_COLOR'] === undefined;
  // A report on stdout keeps it clean: progress and the console summary go to stderr then.
  const progress = args.reporters.some((r) => r.file === undefined) ? io.stderr : io.stdout;
  const dispatcher = createDispatcher({ insecure: args.insecure, ...(args.ca === undefined ? {} : { ca: args.ca }) });
  const http = {
    timeoutMs: args.timeoutMs,
    retries: args.retries,
    ...(dispatcher === undefined ? {} : { dispatcher }),
  };
  // Without an answer every scenario could not run: one line says so, instead of a report of each.
  const reachable = await checkReachable(baseUrl, http);
  if (!reachable.ok) {
    await dispatcher?.close();
    for (const issue of issues) io.stderr(`${formatIssue(issue)}\n`);
    io.stderr(`${unreachableLine(reachable)}\n`);
    return 2;
  }
  progress(
    `portos-contracts: ${selected.length} scenarios from ${loaded.files.length} files against ${baseUrl} (concurrency ${args.concurrency}, profiles ${profiles.file})\n`,
  );
  const result = await runContracts({
    baseUrl,
    scenarios: selected,
    issues,
    profiles,
    spec,
    http,
    concurrency: args.concurrency,
    probe: args.probe,
    bail: args.bail,
    ...(args.controlUrl === undefined ? {} : { controlUrl: args.controlUrl }),
    ...(args.controlPrefix === undefined ? {} : { controlPrefix: args.controlPrefix }),
    ...(args.controlToken === undefined ? {} : { controlToken: args.controlToken }),
    onScenario: (r) => progress(`${formatProgress(r, { color })}\n`),
  });
  await dispatcher?.close();
  for (const reporter of args.reporters) {
    const report = REPORT[reporter.name](result);
    if (reporter.file === undefined) io.stdout(report);
    else writeFileSync(resolve(io.cwd, reporter.file), report);
  }
  progress(formatConsoleReport(result, { color }));
  return exitCode(result);
}
