// The contract kit's programmatic surface (the CLI is src/cli/portos-contracts.ts).
export { loadScenarios, loadScenarioText, type LoadResult } from './load.js';
export { loadProfiles, parseProfiles, type Profile, type Profiles } from './profiles.js';
export { OpenApiIndex, type SpecViewName } from '../spec/openapi-index.js';
export { specIndex } from '../spec/spec-index.js';
export { strictView } from '../spec/strict-view.js';
export { runContracts, type RunOptions } from './run.js';
export { selectScenarios, type Selection } from './select.js';
export {
  exitCode,
  STATUS_NAMES,
  tally,
  type RunResult,
  type ScenarioResult,
  type StepResult,
} from './result.js';
export { checkReachable, HEALTH_PATH } from './reachable.js';
export { formatConsoleReport, formatProgress } from './report/console.js';
export { formatJunitReport } from './report/junit.js';
export { formatJsonReport } from './report/json.js';
export { startRecorder, type Recorder } from './record/proxy.js';
export { generalize, identityMap } from './record/generalize.js';
export { recordingYaml } from './record/write.js';
export { MATCHERS } from './matchers.js';
export { CONTROL_ACTIONS } from './control-actions.js';
export { SCENARIO_SCHEMA } from './scenario-schema.js';
export type {
  ConnectStep,
  HubStep,
  LoadedScenario,
  LoadIssue,
  Scenario,
  ScenarioFile,
  ScenarioStep,
  Step,
  SubscribeStep,
  UnsubscribeStep,
} from './scenario.js';
