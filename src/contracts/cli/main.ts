import type { CommandIo } from './io.js';
import { recordCommand } from './record-command.js';
import { runCommand } from './run-command.js';
import { RECORD_USAGE, RUN_USAGE, SCHEMA_USAGE, USAGE } from './usage.js';
import { packageVersion } from '../../cli/package-version.js';
import { wantsHelp } from '../../cli/wants-help.js';
import { SCENARIO_SCHEMA } from '../scenario-schema.js';

/** Each command's usage (`portos-contracts COMMAND --help`). */
const COMMAND_USAGE: Record<string, string> = { run: RUN_USAGE, record: RECORD_USAGE, schema: SCHEMA_USAGE };

/** `portos-contracts <command>`: run, record, schema. Returns the exit code. */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  const usage = command === undefined ? undefined : COMMAND_USAGE[command];
  if (usage !== undefined && wantsHelp(rest)) {
    io.stdout(usage);
    return 0;
  }
  switch (command) {
    case 'run':
      return runCommand(rest, io);
    case 'record':
      return recordCommand(rest, io);
    case 'schema':
      io.stdout(`${JSON.stringify(SCENARIO_SCHEMA, null, 2)}\n`);
      return 0;
    case '--version':
    case '-V':
    case 'version':
      io.stdout(`${packageVersion()}\n`);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout((rest[0] === undefined ? undefined : COMMAND_USAGE[rest[0]]) ?? USAGE);
      return 0;
    default:
      io.stderr(
        `portos-contracts: unknown command '${command}'; one of run, record, schema (see portos-contracts --help)\n`,
      );
      return 2;
  }
}
