import { ReadModel } from '../projection';
import { DealSummary } from '../deal-summary/deal-summary';
import { MeetingsDefinition, meetingsCounted } from '../kpis/meetings-definition';
import { OutcomesAsOf } from '../kpis/outcome-at';
import { Period, withinPeriod } from './period';
import { reversalCutoff } from './sales-cycle.query';
import { CatalogOption, catalogOf, resolvePipeline } from './pipeline-stages';

export interface RepActivityOptions extends Period, CatalogOption {
  /**
   * `demos-attended` or `first-meetings` (docs/kpis.md); absent: the default the pipeline's
   * latest version states (`reporting.meetings`), else `demos-attended`.
   */
  readonly meetings?: MeetingsDefinition;
  /** Only deals of this pipeline, whose latest version states the default; the default pipeline's when absent. */
  readonly pipelineId?: string;
  /** `now` (default) or `period-end`: whether a reversal dated after the period undoes a win. */
  readonly outcomesAsOf?: OutcomesAsOf;
}

export interface RepActivityRow {
  readonly repId: string;
  /** Meetings held in the period by the chosen definition, credited to whoever recorded them (see `MeetingHeld`). */
  readonly meetingsHeld: number;
  /** Deals won (not reversed, as of the outcomes' moment) with a close in the period, credited to the deal's owner. */
  readonly dealsWon: number;
}

export interface RepActivity {
  /** The choices this answer was computed with. */
  readonly definitions: { readonly meetings: MeetingsDefinition; readonly outcomesAsOf: OutcomesAsOf };
  readonly reps: readonly RepActivityRow[];
}

/** Per person with any activity in [from, to): meetings held vs deals won, by id. */
export function repActivity(model: ReadModel<DealSummary>, options: RepActivityOptions): RepActivity {
  const within = withinPeriod(options);
  const meetings = options.meetings ?? resolvePipeline(catalogOf(options), options.pipelineId).reporting?.meetings ?? 'demos-attended';
  const outcomesAsOf = options.outcomesAsOf ?? 'now';
  const reversed = reversalCutoff(options, outcomesAsOf);
  const byRep = new Map<string, { meetingsHeld: number; dealsWon: number }>();
  const of = (repId: string) => {
    const current = byRep.get(repId) ?? { meetingsHeld: 0, dealsWon: 0 };
    byRep.set(repId, current);
    return current;
  };
  for (const doc of model.values()) {
    if (options.pipelineId !== undefined && doc.pipeline.id !== options.pipelineId) continue;
    for (const meeting of meetingsCounted(doc, meetings)) if (within(meeting.at)) of(meeting.actorId).meetingsHeld += 1;
    if (doc.status === 'won' && !reversed(doc) && within(doc.closedAt)) of(doc.ownerId).dealsWon += 1;
  }
  const reps = [...byRep.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([repId, counts]) => ({ repId, ...counts }));
  return { definitions: { meetings, outcomesAsOf }, reps };
}
