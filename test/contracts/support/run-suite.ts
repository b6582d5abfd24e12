import type { Dispatcher } from 'undici';
import { loadScenarios } from '../../../src/contracts/load.js';
import { loadProfiles } from '../../../src/contracts/profiles.js';
import type { RunResult } from '../../../src/contracts/result.js';
import { runContracts } from '../../../src/contracts/run.js';
import { selectScenarios, type Selection } from '../../../src/contracts/select.js';
import { specIndex } from '../../../src/spec/spec-index.js';

/** The suite is run against the mock (or a proxy in front of it) here, so it checks the STRICT view. */
const spec = specIndex('strict');

/** How to run: `dispatcher` carries every request (e.g. to record them); `probe` and `timeoutMs` as in the CLI. */
export interface SuiteOptions {
  dispatcher?: Dispatcher;
  probe?: boolean;
  timeoutMs?: number;
}

/**
 * Loads scenario files and runs them against `baseUrl` (a mock's `url`, with its base path) with the fixture
 * profiles and the strict view of the project spec.
 */
export async function runSuite(
  baseUrl: string,
  paths: string[],
  selection: Selection = {},
  options: SuiteOptions = {},
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
    http: {
      timeoutMs: options.timeoutMs ?? 10_000,
      retries: 0,
      ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
    },
    concurrency: 4,
    probe: options.probe ?? false,
  });
}
