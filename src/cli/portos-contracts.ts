import { main } from '../contracts/cli/main.js';
import { processIo } from '../contracts/cli/io.js';
import { exitQuietlyOnEpipe } from './quiet-epipe.js';

exitQuietlyOnEpipe(process.stdout);
main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`portos-contracts: ${message.split('\n')[0] ?? ''}\n`);
    process.exitCode = 2;
  },
);
