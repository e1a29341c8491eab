import { Command } from 'commander';
import { MAX_SEED_DEALS, seedDataset, writeSeed } from '@deals/seed';
import { CliContext, integerOption } from '../cli-context';

interface SeedOptions { deals: number; seed: string; start: string; spanDays: number; concurrency: number }

export function registerSeed(program: Command, ctx: CliContext): void {
  program
    .command('seed')
    .description('Write a deterministic synthetic data set (people, plans, deals) through the deciders')
    .requiredOption('-n, --deals <n>', `how many deals (1–${MAX_SEED_DEALS})`, integerOption('--deals', 1, MAX_SEED_DEALS))
    .requiredOption('-s, --seed <seed>', 'the same seed gives the same data set')
    .option('--start <date>', 'first day deals open (YYYY-MM-DD)', '2025-01-01')
    .option('--span-days <days>', 'days over which deals open', integerOption('--span-days', 1, 3660), 456)
    .option('--concurrency <n>', 'deals written at once (their appends share commits)', integerOption('--concurrency', 1, 1024), 64)
    .action(async (options: SeedOptions) => {
      const dataset = seedDataset({ seed: options.seed, deals: options.deals, start: options.start, spanDays: options.spanDays });
      const store = ctx.dataDir().openStore({ create: true });
      const progress = ctx.progress();
      const bar = progress.bar('seed deals', options.deals, 'deals');
      try {
        const s = await writeSeed(store, dataset, { concurrency: options.concurrency, onProgress: (p) => bar.update(p.dealsDone) });
        progress.stop();
        const seconds = s.durationMs / 1000;
        ctx.io.out(
          `seeded ${s.dealCount} deals (seed ${dataset.seed}, from ${dataset.start}): ${s.events} events from ${s.commands} commands ` +
          `in ${seconds.toFixed(1)} s (${Math.round(s.events / Math.max(seconds, 0.001))} events/s); ` +
          `${s.users} users, ${s.plans} plans, ${s.assignments} assignments; ${s.replayed} commands were already written`,
        );
      } finally {
        progress.stop();
        await store.close();
      }
    });
}
