import type { CleanupResult } from './cleanup.js';
import type { Finding, FindingKind } from './finding.js';
import type { Basis, LoadIssue } from './scenario.js';

/**
 * passed; failed (a doc contract broken); unconfirmed (a decision not confirmed); error (could not run: a request
 * got no HTTP answer, or an identity got no credentials, so the scenario says nothing about the contract); skipped
 * (not run: the server answered that it lacks what the scenario needs, e.g. the mock control API; see `note`;
 * never fails the run).
 */
export const SCENARIO_STATUSES = ['passed', 'failed', 'unconfirmed', 'error', 'skipped'] as const;
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number];

/** What each status is called in every report (console, HTML, JUnit, JSON). */
export const STATUS_NAMES: Record<ScenarioStatus, string> = {
  passed: 'passed',
  failed: 'contract broken',
  unconfirmed: 'assumption not confirmed',
  error: 'could not run',
  skipped: 'skipped',
};

/** Findings that mean the scenario could not run: no HTTP answer arrived, or an identity could not log in. */
const NOT_RUN: ReadonlySet<FindingKind> = new Set(['no-answer', 'identity']);

/** A scenario's status from its findings: could not run beats everything; else its basis decides. */
export function statusOf(basis: Basis, findings: readonly Finding[]): Exclude<ScenarioStatus, 'skipped'> {
  if (findings.some((f) => NOT_RUN.has(f.kind))) return 'error';
  if (findings.length === 0) return 'passed';
  return basis === 'decision' ? 'unconfirmed' : 'failed';
}

/** One request of a step (a step runs once per identity × language). */
export interface StepResult {
  index: number;
  name: string;
  as: string;
  lang: string;
  method: string;
  url: string;
  status?: number;
  durationMs: number;
  findings: Finding[];
  /** Expected vs actual body (`- expected`, `+ actual`), when the body did not match. */
  bodyDiff?: string[];
  /** The request as sent (credentials masked, body shortened), when the step failed. */
  request?: { headers: Record<string, string>; body?: string };
  /** The response, shortened, when the step failed. */
  response?: { status: number; headers: Record<string, string>; body: string };
}

export interface ScenarioResult {
  id: string;
  file: string;
  name: string;
  basis: Basis;
  tags: string[];
  source?: string;
  status: ScenarioStatus;
  /** Why a scenario was skipped. */
  note?: string;
  durationMs: number;
  steps: StepResult[];
  /** Steps left out after the first failing one. */
  skippedSteps: number;
}

export interface RunResult {
  baseUrl: string;
  runId: string;
  startedAt: string;
  durationMs: number;
  /** Decision failures don't fail the run (`--probe`). */
  probe: boolean;
  scenarios: ScenarioResult[];
  issues: LoadIssue[];
  cleanup: CleanupResult;
}

/** Counts per status. */
export function tally(result: RunResult): Record<ScenarioStatus, number> {
  const counts: Record<ScenarioStatus, number> = { passed: 0, failed: 0, unconfirmed: 0, error: 0, skipped: 0 };
  for (const s of result.scenarios) counts[s.status]++;
  return counts;
}

/**
 * 2 (invalid scenarios or profiles, or a scenario that could not run) beats 1 (a contract broken or, without
 * --probe, an assumption not confirmed) beats 0 (all passed). Usage errors and an unreachable server are 2 too
 * (the CLI's, before a run).
 */
export function exitCode(result: RunResult): 0 | 1 | 2 {
  const counts = tally(result);
  if (result.issues.length > 0 || counts.error > 0) return 2;
  if (counts.failed > 0 || (!result.probe && counts.unconfirmed > 0)) return 1;
  return 0;
}

/** The members of a scenario's result that come from the scenario itself. */
export function scenarioIdentity(
  scenario: Pick<ScenarioResult, 'id' | 'file' | 'name' | 'basis' | 'tags'> & { source?: string | undefined },
): Pick<ScenarioResult, 'id' | 'file' | 'name' | 'basis' | 'tags' | 'source'> {
  return {
    id: scenario.id,
    file: scenario.file,
    name: scenario.name,
    basis: scenario.basis,
    tags: scenario.tags,
    ...(scenario.source === undefined ? {} : { source: scenario.source }),
  };
}
