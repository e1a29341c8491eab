import { DEFAULT_PIPELINE, definitionOf, defaultPipelineCatalog, PipelineDefinition, publishedOf } from '@deals/domain';
import { SqliteEventStore } from '@deals/event-store';
import { createDealSummaryProjection, rebuildReadModel, replayWhatIf } from '@deals/projections';

/**
 * The what-if (default pipeline v1 against v2 with a security review stage) over the whole store,
 * beside a plain in-memory rebuild of deal-summary (fold only, nothing written) in the same
 * process: both read `$all` in pages and fold; the what-if reads only the deal events it needs.
 */
export interface WhatIfFigures {
  readonly events: number;
  readonly whatIf: { readonly seconds: number; readonly eventsRead: number; readonly deals: number; readonly rssMiB: number };
  readonly rebuild: { readonly seconds: number; readonly events: number; readonly documents: number; readonly rssMiB: number };
  /** whatIf.seconds / rebuild.seconds. */
  readonly ratio: number;
}

/** v2: a security review after Qualified, met by a custom fact no deal of the generated store has. */
function securityReview(): PipelineDefinition {
  const v1 = publishedOf(DEFAULT_PIPELINE);
  const security = {
    id: 'security-review-passed', name: 'Security review passed', probability: 0.3, stuckAfterDays: 21,
    exitCriteria: [{ id: 'questionnaire-signed', label: 'Questionnaire signed', buyerOutcome: 'The buyer signed our questionnaire', requires: { fact: 'security-questionnaire-signed' } }],
  };
  return definitionOf({
    ...v1, version: 2, name: 'With a security review', stages: [...v1.stages.slice(0, 2), security, ...v1.stages.slice(2)],
    factTypes: [{ name: 'security-questionnaire-signed', label: 'Questionnaire signed', attributes: [], evidenceKinds: ['signature'] }],
  });
}

const rss = () => process.memoryUsage().rss / 2 ** 20;

export async function runWhatIf(job: { eventsDb: string }): Promise<WhatIfFigures> {
  const store = new SqliteEventStore({ path: job.eventsDb });
  const events = await store.headPosition();
  const until = '9999-12-31T23:59:59.999Z';

  const t0 = performance.now();
  const replay = await replayWhatIf(store, [DEFAULT_PIPELINE, securityReview()], { pipelineId: DEFAULT_PIPELINE.id, until });
  const whatIf = { seconds: (performance.now() - t0) / 1000, eventsRead: replay.eventsRead, deals: replay.deals, rssMiB: rss() };
  process.stderr.write(`  what-if: ${replay.eventsRead} events, ${replay.deals} deals in ${whatIf.seconds.toFixed(1)} s\n`);

  const t1 = performance.now();
  const rebuilt = await rebuildReadModel(store, createDealSummaryProjection(defaultPipelineCatalog), 500);
  const rebuild = { seconds: (performance.now() - t1) / 1000, events: rebuilt.events, documents: rebuilt.docs.size, rssMiB: rss() };
  process.stderr.write(`  deal-summary rebuild in memory: ${rebuilt.events} events in ${rebuild.seconds.toFixed(1)} s\n`);
  await store.close();
  return { events, whatIf, rebuild, ratio: whatIf.seconds / rebuild.seconds };
}
