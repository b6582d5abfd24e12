import type { CommandIo } from './io.js';
import { recordCommand } from './record-command.js';
import { runCommand } from './run-command.js';
import { USAGE } from './usage.js';
import { SCENARIO_SCHEMA } from '../scenario-schema.js';

/** `portos-contracts <command>`: run, record, schema. Returns the exit code. */
export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return runCommand(rest, io);
    case 'record':
      return recordCommand(rest, io);
    case 'schema':
      io.stdout(`${JSON.stringify(SCENARIO_SCHEMA, null, 2)}\n`);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(USAGE);
      return 0;
    default:
      io.stderr(
        `portos-contracts: unknown command '${command}'; one of run, record, schema (see portos-contracts --help)\n`,
      );
      return 2;
  }
}
