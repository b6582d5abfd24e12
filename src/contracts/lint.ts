import { BUILTIN_VARS, references } from './interpolate.js';
import { isRecord } from './json-path.js';
import { lintControl } from './lint-control.js';
import type { SchemaIssue } from './schema-issues.js';
import { type HubStep, hubStepIdentity, isHubStep, type Scenario, type ScenarioFile, type Step } from './scenario.js';
import { isDocumentedTitle, stepLanguages } from './titles.js';

type Segments = (string | number)[];

function walkStrings(value: unknown, at: Segments, visit: (text: string, at: Segments) => void): void {
  if (typeof value === 'string') visit(value, at);
  else if (Array.isArray(value)) value.forEach((v, i) => walkStrings(v, [...at, i], visit));
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) walkStrings(v, [...at, k], visit);
}

function walkObjects(
  value: unknown,
  at: Segments,
  visit: (object: Record<string, unknown>, at: Segments) => void,
): void {
  if (Array.isArray(value)) value.forEach((v, i) => walkObjects(v, [...at, i], visit));
  else if (isRecord(value)) {
    visit(value, at);
    for (const [k, v] of Object.entries(value)) walkObjects(v, [...at, k], visit);
  }
}

function exampleVars(scenario: Scenario): Set<string> {
  const rows = scenario.examples ?? [];
  if (rows.length === 0) return new Set();
  const [first = {}, ...rest] = rows;
  return new Set(Object.keys(first).filter((k) => rest.every((row) => Object.hasOwn(row, k))));
}

function lintTitles(scenario: Scenario, step: Step, at: Segments, issues: SchemaIssue[]): void {
  const langs = stepLanguages(step.lang ?? scenario.lang);
  const title = step.expect.title;
  if (title === 'localized' && langs.length < 2) {
    issues.push({
      segments: [...at, 'expect', 'title'],
      message: 'title "localized" needs a step with at least two languages (lang: [sk-SK, en-GB])',
    });
  }
  if (isRecord(title)) {
    for (const key of Object.keys(title)) {
      if (!langs.includes(key))
        issues.push({
          segments: [...at, 'expect', 'title', key],
          message: `the step does not run in language '${key}' (lang: ${langs.join(', ') || 'none'})`,
        });
    }
  }
  if (scenario.basis !== 'doc') return;
  const exact: [string, string, Segments][] = [];
  if (typeof title === 'string' && title !== 'localized')
    langs.forEach((l) => exact.push([l, title, [...at, 'expect', 'title']]));
  if (isRecord(title))
    for (const [l, t] of Object.entries(title)) exact.push([l, String(t), [...at, 'expect', 'title', l]]);
  const bodyTitle = isRecord(step.expect.body) ? step.expect.body['title'] : undefined;
  if (typeof bodyTitle === 'string')
    langs.forEach((l) => exact.push([l, bodyTitle, [...at, 'expect', 'body', 'title']]));
  for (const [lang, text, where] of exact) {
    if (!isDocumentedTitle(lang, text)) {
      issues.push({
        segments: where,
        message: `a doc scenario may assert only documented titles exactly; '${text}'${lang === '' ? '' : ` (${lang})`} is ours: use title: localized, or basis: decision`,
      });
    }
  }
}

const HUB_KEYS = ['subscribe', 'unsubscribe', 'connect'];
const isHubKey = (key: string) => HUB_KEYS.includes(key);

/** A hub step belongs to one identity: without its own `as`, the scenario's must be a single one. */
function lintHubStep(step: HubStep, scenario: Scenario, at: Segments): SchemaIssue[] {
  if (hubStepIdentity(step) !== undefined) return [];
  if (scenario.as === undefined || (Array.isArray(scenario.as) && scenario.as.length !== 1)) {
    const key = Object.keys(step).find(isHubKey) ?? '';
    return [
      {
        segments: [...at, key],
        message: 'a SignalR connection belongs to one bearer identity: give as here or one as to the scenario',
      },
    ];
  }
  return [];
}

/** `expect.notifications` needs a connection opened by an earlier hub step; `within` needs notifications. */
function lintNotifications(step: Step, connected: boolean, at: Segments): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const { notifications, within } = step.expect;
  if (notifications !== undefined && !connected)
    issues.push({
      segments: [...at, 'expect', 'notifications'],
      message: 'notifications arrive on a SignalR connection: subscribe (or connect) in an earlier step',
    });
  if (notifications !== undefined && step.request.api === 'control')
    issues.push({
      segments: [...at, 'expect', 'notifications'],
      message: 'control API requests emit no notifications; expect them on PORTOS requests',
    });
  if (within !== undefined && notifications === undefined)
    issues.push({
      segments: [...at, 'expect', 'within'],
      message: 'within bounds the wait for notifications: add them',
    });
  return issues;
}

/** Checks that the schema cannot express: variables, matcher objects, titles and provenance. */
export function lintFile(file: ScenarioFile, skip: ReadonlySet<number> = new Set()): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const names = new Map<string, number>();
  file.scenarios.forEach((scenario, s) => {
    if (skip.has(s)) return;
    const base: Segments = ['scenarios', s];
    const seen = names.get(scenario.name);
    if (seen !== undefined)
      issues.push({ segments: [...base, 'name'], message: `duplicate scenario name (also scenarios[${seen}])` });
    names.set(scenario.name, s);
    const defined = new Set<string>([...BUILTIN_VARS, ...exampleVars(scenario)]);
    const checkRefs = (value: unknown, at: Segments) =>
      walkStrings(value, at, (text, where) => {
        for (const ref of references(text)) {
          if (!ref.valid) issues.push({ segments: where, message: `\${${ref.expression}} is not a valid expression` });
          else if (!defined.has(ref.root))
            issues.push({
              segments: where,
              message: `\${${ref.root}} is not defined here (not captured by an earlier step, not an example column)`,
            });
        }
      });
    const columns = exampleVars(scenario);
    const checkIdentity = (as: string | string[] | undefined, at: Segments) =>
      walkStrings(as, at, (text, where) => {
        for (const ref of references(text)) {
          if (!columns.has(ref.root))
            issues.push({ segments: where, message: `\${${ref.root}} in an identity must be a column of examples` });
        }
      });
    checkIdentity(scenario.as, [...base, 'as']);
    let connected = false;
    scenario.steps.forEach((hubOrRequest, i) => {
      const at: Segments = [...base, 'steps', i];
      if (isHubStep(hubOrRequest)) {
        connected = true;
        issues.push(...lintHubStep(hubOrRequest, scenario, at));
        checkIdentity(hubStepIdentity(hubOrRequest), [...at, Object.keys(hubOrRequest).find(isHubKey) ?? '', 'as']);
        checkRefs(hubOrRequest, at);
        return;
      }
      const step = hubOrRequest;
      checkIdentity(step.as, [...at, 'as']);
      issues.push(...lintNotifications(step, connected, at));
      if (step.request.body !== undefined && step.request.rawBody !== undefined) {
        issues.push({
          segments: [...at, 'request', 'rawBody'],
          message: 'a request has either body or rawBody, not both',
        });
      }
      (step.arrange ?? []).forEach((action, a) => {
        const { capture, ...rest } = action;
        checkRefs(rest, [...at, 'arrange', a]);
        for (const name of Object.keys(isRecord(capture) ? capture : {})) defined.add(name);
      });
      checkRefs(step.request, [...at, 'request']);
      checkRefs(step.nws4, [...at, 'nws4']);
      for (const name of Object.keys(step.capture ?? {})) defined.add(name);
      checkRefs(step.expect, [...at, 'expect']);
      walkObjects(step.expect.body, [...at, 'expect', 'body'], (object, where) => {
        const keys = Object.keys(object);
        const matchers = keys.filter((k) => k.startsWith('$') && !k.startsWith('$$'));
        if (matchers.length > 0 && matchers.length < keys.length) {
          issues.push({
            segments: where,
            message: `an object is either a matcher (${matchers.join(', ')}) or members, not both: wrap members in a separate expectation`,
          });
        }
      });
      lintTitles(scenario, step, at, issues);
    });
    checkRefs(scenario.finally, [...base, 'finally']);
    issues.push(...lintControl(file, scenario, base));
  });
  return issues;
}
