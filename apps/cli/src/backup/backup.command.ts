import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupSqliteFile } from '@deals/event-store';
import { CliContext } from '../cli-context';
import { CliUsageError } from '../data-dir';
import { verifyCopy } from './verify-copy';

export function registerBackup(program: Command, ctx: CliContext): void {
  program
    .command('backup <file>')
    .description('Copy the event store to <file> while the API runs (SQLite online backup: one consistent moment), then check the copy\'s hash chains')
    .option('--projections <file>', 'also copy the read models (projections.db); they can be rebuilt from the events instead')
    .option('--force', 'overwrite <file> (and the --projections file) if it exists')
    .action(async (file: string, options: { projections?: string; force?: boolean }) => {
      const dir = ctx.dataDir();
      if (dir.external) throw new CliUsageError('The events live in EventStoreDB (EVENTSTORE_CONNECTION_STRING): back it up with EventStoreDB\'s own backup');
      const targets = [resolve(ctx.io.cwd, file), ...(options.projections ? [resolve(ctx.io.cwd, options.projections)] : [])];
      for (const target of targets) {
        if (existsSync(target) && !options.force) throw new CliUsageError(`${target} exists; pass --force to overwrite it`);
      }
      const progress = ctx.progress();
      try {
        // Read models first: then they are never ahead of the events copied after them.
        if (targets[1]) {
          const projections = progress.bar('backup read models', 1, 'pages');
          await backupSqliteFile(join(dir.path, 'projections.db'), targets[1], (p) => projections.update(p.copiedPages, p.totalPages));
        }
        const bar = progress.bar('backup events', 1, 'pages');
        await backupSqliteFile(join(dir.path, 'events.db'), targets[0], (p) => bar.update(p.copiedPages, p.totalPages));
      } finally {
        progress.stop();
      }
      const ok = await verifyCopy(ctx, targets[0], `backed up to ${targets[0]}`);
      if (ok && targets[1]) ctx.io.out(`read models backed up to ${targets[1]}`);
    });
}
