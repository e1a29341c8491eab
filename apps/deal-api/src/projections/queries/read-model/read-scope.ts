import { Injectable } from '@nestjs/common';
import { Actor, Operation } from '@deals/domain';
import { DealSummary, dealSummaryProjection, ReadModel } from '@deals/projections';
import { AccessPolicy } from '../../../auth/access-policy';
import { ProjectionHost } from '../../projection-host';
import { ReadModelAnswer, ReadModelSource } from '../../read-model.source';
import { ReadOptionsDto } from '../../read-options.dto';
import { scopedModel } from './scoped-model';

/**
 * What one caller may see of the deal read models: every deal for org-wide readers, otherwise
 * the deals they may read now (owner or team, their reports' for managers, won deals for
 * implementation) — judged on each deal's current owner, team and status, also for as-of reads.
 */
@Injectable()
export class ReadScope {
  constructor(
    private readonly access: AccessPolicy,
    private readonly runner: ProjectionHost,
    private readonly source: ReadModelSource,
  ) {}

  /** Answers a query over the deal summaries the caller may read (live, or as of a past moment). */
  answerOverDeals<R>(operation: Operation, actor: Actor, options: ReadOptionsDto, query: (deals: ReadModel<DealSummary>) => R): Promise<ReadModelAnswer<R>> {
    const mine = this.deals(operation, actor);
    return this.source.answer<DealSummary, R>(dealSummaryProjection.name, options, (docs) => query(mine(docs)));
  }

  /**
   * Does the caller read deal `dealId` now? Undefined for org-wide readers (no check needed).
   * `remember` keeps each answer (one request); a live feed asks afresh for every change.
   */
  dealVisibility(operation: Operation, actor: Actor, remember = false): ((dealId: string) => boolean) | undefined {
    if (!this.access.assert(operation, actor, { kind: 'organisation' }).narrowed) return undefined;
    const current = this.runner.readModel<DealSummary>(dealSummaryProjection.name);
    const decide = (dealId: string) => {
      const deal = current.get(dealId);
      return deal !== undefined && this.access.check('deal:read', actor, { kind: 'deal', dealId, deal }).allowed;
    };
    if (!remember) return decide;
    const seen = new Map<string, boolean>();
    return (dealId) => {
      let visible = seen.get(dealId);
      if (visible === undefined) seen.set(dealId, (visible = decide(dealId)));
      return visible;
    };
  }

  /** The deal summaries a report over `operation` may use for this caller. */
  deals(operation: Operation, actor: Actor): (model: ReadModel<DealSummary>) => ReadModel<DealSummary> {
    const visible = this.dealVisibility(operation, actor, true);
    return visible === undefined ? (model) => model : (model) => scopedModel(model, (key) => visible(key));
  }
}
