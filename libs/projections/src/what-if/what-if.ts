import {
  dealIdOfStream, Evidence, evaluateExitCriteria, FACT_KEYS, isFactKey, openStages, parseInstantOrDate, PipelineDefinition, RecordedFact,
  StageDefinition,
} from '@deals/domain';
import { durationStats, MS_PER_DAY, Ratio, ratio } from '../pipeline/statistics';
import { stayStats } from '../pipeline/time-in-stage.query';

/** What the what-if reads of a stored event (a RecordedEvent has it). */
export interface WhatIfEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** The deal events the what-if reads: openings, facts, closes, reversals. Nothing else changes its answer. */
export const WHAT_IF_EVENT_TYPES: readonly string[] = [
  'DealOpened', 'BuyerFactRecorded', 'DealClosedWon', 'DealClosedLost', 'WonDealReversed', ...FACT_KEYS,
];

export interface WhatIfOptions {
  /** Only deals opened on this pipeline (any version). */
  readonly pipelineId: string;
  /** Deals opened in [from, until); `until` is also the moment "stuck now" is measured and nothing at or after it is read. */
  readonly from?: string;
  readonly until: string;
}

export interface WhatIfStage {
  readonly stageId: string;
  readonly stageName: string;
  readonly entered: number;
  /** Moved to the next open stage, or closed won from the last one. */
  readonly leftToNext: number;
  /** leftToNext over entered. */
  readonly conversion: Ratio;
  /** Completed stays (the deal left the stage, whatever became of it). */
  readonly days: { readonly count: number; readonly medianDays: number | null; readonly p90Days: number | null };
  readonly stuckAfterDays: number | null;
  /** Open deals in the stage at `until` for longer than stuckAfterDays. */
  readonly stuck: number;
}

export interface WhatIfMetrics {
  readonly pipelineId: string;
  readonly version: number;
  readonly name: string;
  readonly stages: readonly WhatIfStage[];
  readonly open: number;
  /** Won and not reversed. */
  readonly won: number;
  readonly lost: number;
  readonly reversed: number;
  /** Opening to won close, of the deals won and not reversed. */
  readonly cycle: { readonly count: number; readonly medianDays: number | null };
}

type Status = 'open' | 'won' | 'lost' | 'reversed';

/** Per deal, only what the replay needs; a closed deal drops its facts. */
interface DealTrack {
  readonly openedAt: number;
  stage: number;
  enteredAt: number;
  status: Status;
  facts: Record<string, RecordedFact> | undefined;
  cycleMs?: number;
}

interface StageTally {
  entered: number;
  leftToNext: number;
  readonly stays: number[];
}

/**
 * Replays recorded deal events under `definition`, as a throw-away fold (`apply` each event in
 * store order, then `result`). A deal opens in the first open stage and, each time a fact is
 * recorded, moves on through every stage whose exit criteria the facts recorded so far meet —
 * never past the last open stage: only a recorded close closes it. Recorded stage moves
 * (advances, overrides, migrations) are not read: both sides of a comparison are derived from
 * the same facts by their own criteria. Memory is per deal, not per event.
 */
export function createWhatIf(definition: PipelineDefinition, options: WhatIfOptions) {
  const open = openStages(definition);
  const tallies: StageTally[] = open.map(() => ({ entered: 0, leftToNext: 0, stays: [] }));
  const deals = new Map<string, DealTrack>();
  const from = options.from === undefined ? -Infinity : parseInstantOrDate(options.from, 'from');
  const until = parseInstantOrDate(options.until, 'until');

  const enter = (deal: DealTrack, stage: number, at: number) => {
    deal.stage = stage;
    deal.enteredAt = at;
    tallies[stage].entered += 1;
  };
  const leave = (deal: DealTrack, at: number, toNext: boolean) => {
    tallies[deal.stage].stays.push(at - deal.enteredAt);
    if (toNext) tallies[deal.stage].leftToNext += 1;
  };
  const advance = (deal: DealTrack, at: number) => {
    while (deal.stage < open.length - 1 && evaluateExitCriteria(open[deal.stage], deal.facts ?? {}).missing.length === 0) {
      leave(deal, at, true);
      enter(deal, deal.stage + 1, at);
    }
  };

  function apply(event: WhatIfEvent): void {
    const dealId = dealIdOfStream(event.streamId);
    if (dealId === undefined || typeof event.data !== 'object' || event.data === null) return;
    const time = timeOf(event);
    if (time === undefined || time >= until) return;
    const data = event.data as Record<string, unknown>;
    if (event.type === 'DealOpened') {
      const pipeline = data.pipeline as { id?: string } | undefined;
      if ((pipeline?.id ?? 'default') !== options.pipelineId || time < from || deals.has(dealId) || open.length === 0) return;
      const deal: DealTrack = { openedAt: time, stage: 0, enteredAt: time, status: 'open', facts: {} };
      deals.set(dealId, deal);
      enter(deal, 0, time);
      advance(deal, time);
      return;
    }
    const deal = deals.get(dealId);
    if (!deal) return;
    // A backdated recording never moves a deal back in time: it counts from the stage's entry.
    const at = Math.max(time, deal.enteredAt);
    const fact = factOf(event.type, data);
    if (fact && deal.status === 'open') {
      deal.facts = { ...deal.facts, [fact.name]: { data: fact.data, evidence: fact.evidence } };
      advance(deal, at);
    } else if ((event.type === 'DealClosedWon' || event.type === 'DealClosedLost') && deal.status === 'open') {
      const won = event.type === 'DealClosedWon';
      leave(deal, at, won && deal.stage === open.length - 1);
      deal.status = won ? 'won' : 'lost';
      deal.facts = undefined;
      if (won) deal.cycleMs = at - deal.openedAt;
    } else if (event.type === 'WonDealReversed' && deal.status === 'won') {
      deal.status = 'reversed';
    }
  }

  function result(): WhatIfMetrics {
    const count = (status: Status) => [...deals.values()].filter((deal) => deal.status === status).length;
    const stuck = open.map(() => 0);
    for (const deal of deals.values()) {
      const limit = open[deal.stage].stuckAfterDays;
      if (deal.status === 'open' && limit !== undefined && (until - deal.enteredAt) / MS_PER_DAY > limit) stuck[deal.stage] += 1;
    }
    const cycles = [...deals.values()].filter((deal) => deal.status === 'won').map((deal) => deal.cycleMs as number);
    const { count: cycleCount, medianDays } = durationStats(cycles);
    return {
      pipelineId: definition.id, version: definition.version, name: definition.name,
      stages: open.map((stage, index) => stageRow(stage, tallies[index], stuck[index])),
      open: count('open'), won: count('won'), lost: count('lost'), reversed: count('reversed'),
      cycle: { count: cycleCount, medianDays },
    };
  }

  /** Deals of the pipeline opened in the window, so far. */
  const dealCount = () => deals.size;

  return { apply, result, deals: dealCount };
}

/** The whole replay over a list of events: for tests and small histories. */
export function whatIf(events: Iterable<WhatIfEvent>, definition: PipelineDefinition, options: WhatIfOptions): WhatIfMetrics {
  const fold = createWhatIf(definition, options);
  for (const event of events) fold.apply(event);
  return fold.result();
}

function stageRow(stage: StageDefinition, tally: StageTally, stuck: number): WhatIfStage {
  const { count, medianDays, p90Days } = stayStats(tally.stays);
  return {
    stageId: stage.id, stageName: stage.name, entered: tally.entered, leftToNext: tally.leftToNext,
    conversion: ratio(tally.leftToNext, tally.entered), days: { count, medianDays, p90Days },
    stuckAfterDays: stage.stuckAfterDays ?? null, stuck,
  };
}

/** Business time: the command's occurredAt, else when the store recorded it. */
function timeOf(event: WhatIfEvent): number | undefined {
  const at = event.metadata.occurredAt ?? event.metadata.recordedAt;
  const ms = typeof at === 'string' ? Date.parse(at) : NaN;
  return Number.isNaN(ms) ? undefined : ms;
}

function factOf(type: string, data: Record<string, unknown>): { name: string; data: Record<string, unknown>; evidence: Evidence } | undefined {
  if (isFactKey(type)) return { name: type, data, evidence: data.evidence as Evidence };
  if (type === 'BuyerFactRecorded' && typeof data.factType === 'string') {
    return { name: data.factType, data: (data.attributes ?? {}) as Record<string, unknown>, evidence: data.evidence as Evidence };
  }
  return undefined;
}
