import { Command } from 'commander';
import { resolve } from 'node:path';
import { isPeriod } from '@deals/domain';
import { EventStore } from '@deals/event-store';
import {
  commissionFactsOf, commissionFactsProjection, createDealSummaryProjection, pipelineByStage, PipelineDirectory, ProjectionDatabase, statement,
} from '@deals/projections';
import { CliContext } from '../cli-context';
import { CliUsageError } from '../data-dir';
import { Progress } from '../progress';
import { caughtUpReadModel } from './caught-up';
import { minorToDecimal } from './money-text';
import { PIPELINE_DEAL_COLUMNS, PIPELINE_STAGE_COLUMNS, pipelineDealRows, pipelineStageRows } from './pipeline-csv';
import { STATEMENT_COLUMNS, statementRows } from './statements-csv';
import { writeCsv } from './write-csv';

export function registerExport(program: Command, ctx: CliContext): void {
  const exp = program.command('export').description('Write read models as CSV (they are brought up to date first)');
  exp
    .command('statements')
    .description("Commission statements for a quarter: every line with its lineage; everyone on a plan, or one person")
    .requiredOption('--period <quarter>', 'e.g. 2026-Q1')
    .option('--user <userId>', 'one person (default: everyone with a plan assignment)')
    .option('--as-known-at <instant>', 'as recorded by this moment (ISO-8601), e.g. the quarter close')
    .requiredOption('-o, --out <file.csv>', 'where to write')
    .action(async (options: { period: string; user?: string; asKnownAt?: string; out: string }) => {
      if (!isPeriod(options.period)) throw new CliUsageError(`--period must be a quarter like 2026-Q1, got "${options.period}"`);
      if (options.asKnownAt !== undefined && Number.isNaN(Date.parse(options.asKnownAt))) {
        throw new CliUsageError(`--as-known-at must be an ISO-8601 instant, got "${options.asKnownAt}"`);
      }
      await withReadSide(ctx, async (store, db, progress) => {
        const model = await caughtUpReadModel(store, db, commissionFactsProjection, progress);
        progress.stop();
        const users = options.user ? [options.user] : [...new Set(commissionFactsOf(model).assignments.map((a) => a.userId))].sort();
        const statements = users.map((userId) => statement(model, { userId, period: options.period, asKnownAt: options.asKnownAt }));
        const out = resolve(ctx.io.cwd, options.out);
        writeCsv(out, STATEMENT_COLUMNS, statements.flatMap(statementRows));
        const totals = new Map<string, number>();
        for (const t of statements.flatMap((s) => s.totals)) totals.set(t.currency, (totals.get(t.currency) ?? 0) + t.totalMinor);
        const lines = statements.reduce((n, s) => n + s.lines.length, 0);
        ctx.io.out(`wrote ${lines} statement lines for ${users.length} people (${options.period}) to ${out}; total ${describeTotals(totals)}`);
      });
    });
  exp
    .command('pipeline')
    .description('The open pipeline: per stage and currency (as GET /pipeline), or one row per open deal with --by deal')
    .option('--by <stage|deal>', 'rows per stage or per deal', 'stage')
    .option('--pipeline-id <id>', 'the pipeline to report per stage (default: the default pipeline)')
    .requiredOption('-o, --out <file.csv>', 'where to write')
    .action(async (options: { by: string; pipelineId?: string; out: string }) => {
      if (options.by !== 'stage' && options.by !== 'deal') throw new CliUsageError(`--by must be stage or deal, got "${options.by}"`);
      await withReadSide(ctx, async (store, db, progress) => {
        // Deals on published versions are counted in their own version's stages, as the API does.
        const pipelines = new PipelineDirectory();
        await pipelines.load(store);
        const model = await caughtUpReadModel(store, db, createDealSummaryProjection(pipelines), progress);
        progress.stop();
        const out = resolve(ctx.io.cwd, options.out);
        if (options.by === 'deal') {
          const rows = pipelineDealRows(model, new Date());
          writeCsv(out, PIPELINE_DEAL_COLUMNS, rows);
          ctx.io.out(`wrote ${rows.length} open deals to ${out}`);
          return;
        }
        const result = pipelineByStage(model, { pipelineId: options.pipelineId, catalog: pipelines });
        writeCsv(out, PIPELINE_STAGE_COLUMNS, pipelineStageRows(result));
        const totals = new Map(result.totals.amounts.map((a) => [a.currency, a.amountMinor]));
        ctx.io.out(`wrote ${result.stages.length} stages of pipeline ${result.pipelineId} v${result.pipelineVersion} (${result.totals.count} open deals, ${describeTotals(totals)}) to ${out}`);
      });
    });
}

/** The store and the projections database, open for one export, closed after it whatever happens. */
async function withReadSide(ctx: CliContext, work: (store: EventStore, db: ProjectionDatabase, progress: Progress) => Promise<void>): Promise<void> {
  const dir = ctx.dataDir();
  const store = dir.openStore();
  const db = dir.openProjections();
  const progress = ctx.progress();
  try {
    await work(store, db, progress);
  } finally {
    progress.stop();
    db.close();
    await store.close();
  }
}

function describeTotals(totals: ReadonlyMap<string, number>): string {
  if (totals.size === 0) return 'nothing';
  return [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([c, m]) => `${c} ${minorToDecimal(m, c)}`).join(', ');
}
