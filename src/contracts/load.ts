import { type Stats, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expandScenario } from './expand.js';
import { lintFile } from './lint.js';
import type { LoadIssue, LoadedScenario, ScenarioFile } from './scenario.js';
import { SCENARIO_SCHEMA } from './scenario-schema.js';
import { formatSegments, schemaIssues, type SchemaIssue } from './schema-issues.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

/** Every scenario that loaded, and every problem of the files (a broken scenario is left out, not fatal). */
export interface LoadResult {
  scenarios: LoadedScenario[];
  issues: LoadIssue[];
  files: string[];
}

const EXTENSIONS = /\.(ya?ml|json)$/i;

let validator: ValidateFunction | undefined;

/** The compiled scenario schema (compiled once). */
export function scenarioValidator(): ValidateFunction {
  if (validator === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats.default(ajv);
    validator = ajv.compile(SCENARIO_SCHEMA);
  }
  return validator;
}

/** Scenario files under the given files or folders (recursively, sorted; files starting with `.` skipped). */
export function findScenarioFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const visit = (path: string, explicit: boolean): void => {
    let stat: Stats;
    try {
      stat = statSync(path);
    } catch {
      if (explicit) missing.push(path);
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (!entry.startsWith('.')) visit(join(path, entry), false);
    } else if (explicit || EXTENSIONS.test(path)) files.push(path);
  };
  for (const path of paths) visit(path, true);
  return { files: [...new Set(files)], missing };
}

function displayName(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}

function toIssue(file: string, source: YamlSource, data: unknown, issue: SchemaIssue): LoadIssue {
  const [first, index] = issue.segments;
  const scenarios = (data as { scenarios?: unknown } | undefined)?.scenarios;
  const named =
    first === 'scenarios' && typeof index === 'number' && Array.isArray(scenarios)
      ? (scenarios[index] as { name?: unknown } | undefined)?.name
      : undefined;
  const position = source.position(issue.segments);
  return {
    file,
    ...(typeof named === 'string' ? { scenario: named } : {}),
    path: formatSegments(issue.segments),
    ...(position === undefined ? {} : { line: position.line, column: position.column }),
    message: issue.message,
  };
}

/** Loads one file's text: YAML → schema → lint → expanded scenarios, never throwing. */
export function loadScenarioText(file: string, text: string): { scenarios: LoadedScenario[]; issues: LoadIssue[] } {
  const source = parseYamlSource(text);
  if (source.errors.length > 0) {
    // Only the first YAML error: the parser reports every later token of a broken flow collection too.
    const [e = { message: 'unreadable' }] = source.errors;
    const more = source.errors.length > 1 ? ` (and ${source.errors.length - 1} follow-on errors)` : '';
    const at = e.line === undefined ? {} : { line: e.line, column: e.column ?? 1 };
    const line = e.line === undefined ? '' : (text.split('\n')[e.line - 1] ?? '');
    const hint = /[{[][^'"]*\$\{/.test(line) ? ' (hint: inside { } or [ ], quote a value that holds ${...})' : '';
    return {
      scenarios: [],
      issues: [{ file, path: '(file)', ...at, message: `YAML: ${e.message.replace(/:$/, '')}${more}${hint}` }],
    };
  }
  const validate = scenarioValidator();
  const schemaProblems = validate(source.data) ? [] : schemaIssues(validate.errors ?? []);
  const inScenario = (p: SchemaIssue) => p.segments[0] === 'scenarios' && typeof p.segments[1] === 'number';
  const fileBroken = schemaProblems.some((p) => !inScenario(p));
  const skip = new Set(schemaProblems.map((p) => p.segments[1] as number));
  const problems = fileBroken ? schemaProblems : [...schemaProblems, ...lintFile(source.data as ScenarioFile, skip)];
  const issues = problems.map((p) => toIssue(file, source, source.data, p));
  if (fileBroken) return { scenarios: [], issues };
  const broken = new Set(problems.map((p) => p.segments[1]));
  const parsed = source.data as ScenarioFile;
  const scenarios = parsed.scenarios.flatMap((scenario, i) =>
    broken.has(i) ? [] : expandScenario(file, parsed, scenario),
  );
  return { scenarios, issues };
}

/** Loads every scenario file under `paths`; problems come back as issues with file, scenario, path and line. */
export function loadScenarios(paths: readonly string[], cwd = process.cwd()): LoadResult {
  const { files, missing } = findScenarioFiles(paths);
  const issues: LoadIssue[] = missing.map((file) => ({ file, path: '(file)', message: 'no such file or folder' }));
  const scenarios: LoadedScenario[] = [];
  const names: string[] = [];
  for (const path of files) {
    const file = displayName(path, cwd);
    names.push(file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      issues.push({ file, path: '(file)', message: `cannot read: ${(error as Error).message}` });
      continue;
    }
    const loaded = loadScenarioText(file, text);
    scenarios.push(...loaded.scenarios);
    issues.push(...loaded.issues);
  }
  return { scenarios, issues, files: names };
}
