import type { Dispatcher } from 'undici';
import { loadScenarios } from '../../../src/contracts/load.js';
import { loadProfiles } from '../../../src/contracts/profiles.js';
import type { RunResult } from '../../../src/contracts/result.js';
import { runContracts } from '../../../src/contracts/run.js';
import { selectScenarios, type Selection } from '../../../src/contracts/select.js';
import { specIndex } from '../../../src/spec/spec-index.js';

/** The suite is run against the mock (or a proxy in front of it) here, so it checks the STRICT view. */
const spec = specIndex('strict');

/**
 * Loads scenario files and runs them against `baseUrl` with the fixture profiles and the strict view of the project spec; `dispatcher`
 * (optional) carries every request, e.g. to record them.
 */
export async function runSuite(
  baseUrl: string,
  paths: string[],
  selection: Selection = {},
  dispatcher?: Dispatcher,
): Promise<RunResult> {
  const loaded = loadScenarios(paths);
  const { profiles, issues } = loadProfiles('fixtures/profiles.yaml', {});
  if (profiles === undefined) throw new Error(JSON.stringify(issues));
  return runContracts({
    baseUrl,
    scenarios: selectScenarios(loaded.scenarios, selection),
    issues: [...loaded.issues, ...issues],
    profiles,
    spec,
    http: { timeoutMs: 10_000, retries: 0, ...(dispatcher === undefined ? {} : { dispatcher }) },
    concurrency: 4,
  });
}
