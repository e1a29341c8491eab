import { Command } from 'commander';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { backupSqliteFile, preparePrivateDataDir, SqliteEventStore } from '@deals/event-store';
import { CliContext } from '../cli-context';
import { CliUsageError } from '../data-dir';
import { verifyCopy } from './verify-copy';

const withSidecars = (path: string) => [path, `${path}-wal`, `${path}-shm`];

export function registerRestore(program: Command, ctx: CliContext): void {
  program
    .command('restore <file>')
    .description('Restore the event store from a backup into the data folder (stop the API first); the read models are rebuilt at the next start')
    .option('--force', 'replace a store that has events (they are lost)')
    .action(async (file: string, options: { force?: boolean }) => {
      const dir = ctx.dataDir();
      if (dir.external) throw new CliUsageError('The events live in EventStoreDB (EVENTSTORE_CONNECTION_STRING): restore it with EventStoreDB\'s own tools');
      const source = resolve(ctx.io.cwd, file);
      if (!existsSync(source)) throw new CliUsageError(`There is no backup at ${source}`);
      const target = join(dir.path, 'events.db');
      if (existsSync(target)) {
        const existing = new SqliteEventStore({ path: target });
        const head = await existing.headPosition().finally(() => existing.close());
        if (head > 0 && !options.force) throw new CliUsageError(`${target} holds events up to position ${head}; pass --force to replace them`);
      }
      preparePrivateDataDir(dir.path);
      // Copied and checked beside the store first: a broken backup replaces nothing.
      const restoring = `${target}.restoring`;
      const progress = ctx.progress();
      try {
        const bar = progress.bar('restore events', 1, 'pages');
        await backupSqliteFile(source, restoring, (p) => bar.update(p.copiedPages, p.totalPages));
      } finally {
        progress.stop();
      }
      if (!(await verifyCopy(ctx, restoring, `backup ${source}`))) {
        for (const path of withSidecars(restoring)) rmSync(path, { force: true });
        ctx.io.err(`nothing restored: ${target} is as it was`);
        return;
      }
      // The read models describe the replaced store: they are rebuilt from the restored one.
      for (const path of [...withSidecars(target), ...withSidecars(join(dir.path, 'projections.db'))]) rmSync(path, { force: true });
      renameSync(restoring, target);
      ctx.io.out(`restored into ${target}; the read models are rebuilt from it when the API starts`);
      if (existsSync(join(dir.path, 'kafka-relay.db'))) {
        ctx.io.err('note: kafka-relay.db keeps the relay\'s checkpoint from before the restore (docs/operations.md#backups)');
      }
    });
}
