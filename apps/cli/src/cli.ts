import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { CliIo } from './cli-io';
import { cliContext } from './cli-context';
import { registerBackup } from './backup/backup.command';
import { registerRestore } from './backup/restore.command';
import { CliUsageError } from './data-dir';
import { registerExport } from './export/export.command';
import { registerImport } from './import/import.command';
import { registerPipeline } from './pipeline/pipeline.command';
import { registerRebuild } from './rebuild/rebuild.command';
import { registerSeed } from './seed/seed.command';
import { registerToken } from './token/token.command';
import { registerVerify } from './verify/verify.command';

/**
 * The operator CLI: one program, one subcommand per job. Runs in-process (tests call it with a
 * captured CliIo) and answers an exit code: 0 done, 1 failed or broken, 2 done with rows skipped.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('deals')
    .description('Operator tools for the deal lifecycle engine: seed, import, rebuild, verify, export, pipeline, token, backup, restore')
    .option('-d, --data-dir <dir>', 'folder with events.db and projections.db (default: $DATA_DIR or ./data)')
    .option('-q, --quiet', 'no progress bars (they are off anyway when stderr is not a terminal)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const ctx = cliContext(program, io, (code) => { exitCode = Math.max(exitCode, code); });
  registerSeed(program, ctx);
  registerImport(program, ctx);
  registerRebuild(program, ctx);
  registerVerify(program, ctx);
  registerExport(program, ctx);
  registerPipeline(program, ctx);
  registerToken(program, ctx);
  registerBackup(program, ctx);
  registerRestore(program, ctx);
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliUsageError || error instanceof InvalidArgumentError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    const e = error as Error & { code?: string };
    io.err(`error: ${e.code ? `${e.code}: ` : ''}${e.message}`);
    return 1;
  }
}
