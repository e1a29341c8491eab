import { runCli } from './cli';
import { processIo } from './cli-io';

runCli(process.argv.slice(2), processIo()).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  },
);
