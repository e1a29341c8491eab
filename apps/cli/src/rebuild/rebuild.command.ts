import { Command } from 'commander';
import { PipelineDirectory, ProjectionRunner, PROJECTIONS, projectionsFor } from '@deals/projections';
import { CliContext } from '../cli-context';
import { CLI_BATCH_SIZE } from '../batch-size';

export function registerRebuild(program: Command, ctx: CliContext): void {
  program
    .command('rebuild')
    .description('Rebuild read models from position 0 and swap them in (stop the API first, or it keeps serving its own copy)')
    .option('-p, --projection <name>', `one projection (${PROJECTIONS.map((p) => p.name).join(', ')}); default: all`)
    .action(async (options: { projection?: string }) => {
      const dir = ctx.dataDir();
      const store = dir.openStore();
      const db = dir.openProjections();
      const progress = ctx.progress();
      try {
        // Deals on published pipeline versions get their stage names and probabilities, as in the API.
        const pipelines = new PipelineDirectory();
        await pipelines.load(store);
        const runner = new ProjectionRunner(store, db, projectionsFor(pipelines), { batchSize: CLI_BATCH_SIZE });
        const names = options.projection ? [options.projection] : runner.names;
        const head = await store.headPosition();
        const done: string[] = [];
        for (const name of names) {
          const bar = progress.bar(`rebuild ${name}`, head, 'positions');
          const started = Date.now();
          const result = await runner.rebuild(name, (p) => bar.update(p.position, p.headPosition));
          bar.update(result.position, Math.max(head, result.position));
          done.push(`${name}: ${result.events} events to position ${result.position} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        }
        progress.stop();
        for (const line of done) ctx.io.out(`rebuilt ${line}`);
      } finally {
        progress.stop();
        db.close();
        await store.close();
      }
    });
}
