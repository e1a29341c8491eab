import {
  defaultPipelineCatalog, lostStage, PipelineCatalog, PipelineDefinition, postCloseStages, StageDefinition, stageById,
  wonStage,
} from '@deals/domain';
import { RecordedEvent } from '@deals/event-store';
import type { CurrencyAmounts, PipelineByStage, PipelineByStageOptions, PipelineStageRow } from '../pipeline/pipeline-by-stage.query';
import type { DurationStats } from '../pipeline/statistics';
import type { PostCloseDeal, PostCloseDealsOptions } from '../post-close/post-close-deals.query';
import type { PostCloseDurations, PostCloseDurationsOf, PostCloseGroup } from '../post-close/post-close-durations.query';

/**
 * A deliberately naive second opinion on the pipeline and post-close answers: it reads the raw
 * events of each deal stream and asks them questions directly ("is there a DealClosedWon?",
 * "what was the last amount?"), with no projection, no DealSummary and no shared helpers. It
 * assumes a well-formed log (every deal stream starts with DealOpened, no duplicates), as the
 * store guarantees. For tests only: "live read models equal a rebuild and equal naive answers".
 */

const DAY = 24 * 60 * 60 * 1000;
type Data = Record<string, unknown>;

interface DealEvents {
  readonly dealId: string;
  readonly events: readonly RecordedEvent[];
}

/** Each deal's events in store order, deals in order of their first event. */
function dealsOf(events: readonly RecordedEvent[]): DealEvents[] {
  const streams = new Map<string, RecordedEvent[]>();
  for (const e of [...events].sort((a, b) => a.position - b.position)) {
    if (!e.streamId.startsWith('deal-') || e.streamId === 'deal-') continue;
    streams.set(e.streamId, [...(streams.get(e.streamId) ?? []), e]);
  }
  return [...streams.entries()]
    .map(([streamId, list]) => ({ dealId: streamId.slice('deal-'.length), events: list.slice(list.findIndex((e) => e.type === 'DealOpened')) }))
    .filter((deal) => deal.events.length > 0 && deal.events[0].type === 'DealOpened');
}

const data = (e: RecordedEvent) => e.data as Data;
const timeOf = (e: RecordedEvent) => new Date(Date.parse(e.metadata.occurredAt as string)).toISOString();
const first = (deal: DealEvents, type: string) => deal.events.find((e) => e.type === type);
const has = (deal: DealEvents, type: string) => first(deal, type) !== undefined;

function definitionOf(catalog: PipelineCatalog, deal: DealEvents): PipelineDefinition | undefined {
  const ref = data(deal.events[0]).pipeline as { id: string; version: number };
  return catalog.get(ref.id, ref.version);
}

/** The stage the deal is in: whatever the last stage-moving event says. */
function currentStageId(catalog: PipelineCatalog, deal: DealEvents): string {
  const definition = definitionOf(catalog, deal);
  let stageId = data(deal.events[0]).stageId as string;
  for (const e of deal.events) {
    const post = definition ? postCloseStages(definition) : [];
    const target: string | undefined =
      e.type === 'StageAdvanced' || e.type === 'StageOverridden' ? (data(e).toStageId as string)
        : e.type === 'DealClosedWon' ? definition && wonStage(definition)?.id
          : e.type === 'DealClosedLost' ? definition && lostStage(definition)?.id
            : e.type === 'DealHandedToImplementation' ? post[0]?.id
              : e.type === 'ImplementationStarted' ? post[1]?.id
                : e.type === 'DealWentLive' ? post[2]?.id
                  : undefined;
    if (target !== undefined) stageId = target;
  }
  return stageId;
}

function amountOf(deal: DealEvents): number {
  let amount = 0;
  for (const e of deal.events) {
    if (e.type === 'DealOpened' || e.type === 'AmountChanged') amount = data(e).expectedAmountMinor as number;
    if (e.type === 'DealClosedWon') amount = data(e).amountMinor as number;
  }
  return amount;
}

function currentTeam(deal: DealEvents): Set<string> {
  const members = new Set<string>();
  for (const e of deal.events) {
    const key = `${data(e).userId as string}\u0000${data(e).role as string}`;
    if (e.type === 'TeamMemberAdded') members.add(key);
    if (e.type === 'TeamMemberRemoved') members.delete(key);
  }
  return new Set([...members].map((key) => key.split('\u0000')[0]));
}

/** amount × probability, half-up, through the probability's six-decimal digits. */
function weighted(amount: number, probability: number): number {
  const millionths = BigInt(probability.toFixed(6).replace('.', ''));
  const product = BigInt(amount) * millionths;
  const whole = product / 1_000_000n;
  return Number(product % 1_000_000n >= 500_000n ? whole + 1n : whole);
}

export function naivePipelineByStage(
  events: readonly RecordedEvent[], options: PipelineByStageOptions = {},
): PipelineByStage {
  const catalog = options.catalog ?? defaultPipelineCatalog;
  const definition = options.pipelineId === undefined ? catalog.default : catalog.latest(options.pipelineId);
  if (!definition) throw new Error(`unknown pipeline ${options.pipelineId}`);
  const from = options.openedFrom === undefined ? -Infinity : Date.parse(options.openedFrom);
  const to = options.openedTo === undefined ? Infinity : Date.parse(options.openedTo);
  const counted: { stage: StageDefinition; currency: string; amount: number; weighted: number }[] = [];
  for (const deal of dealsOf(events)) {
    const opened = data(deal.events[0]);
    if (has(deal, 'DealClosedWon') || has(deal, 'DealClosedLost')) continue;
    if ((opened.pipeline as { id: string }).id !== definition.id) continue;
    if (options.ownerId !== undefined && opened.ownerId !== options.ownerId) continue;
    if (options.teamMemberId !== undefined && !currentTeam(deal).has(options.teamMemberId)) continue;
    const openedAt = Date.parse(deal.events[0].metadata.occurredAt as string);
    if (!(openedAt >= from && openedAt < to)) continue;
    const own = definitionOf(catalog, deal);
    const stage = own && stageById(own, currentStageId(catalog, deal));
    if (!stage || stage.phase !== 'open') continue;
    const amount = amountOf(deal);
    counted.push({ stage, currency: opened.currency as string, amount, weighted: weighted(amount, stage.probability) });
  }
  const amounts = (rows: typeof counted): CurrencyAmounts[] =>
    [...new Set(rows.map((r) => r.currency))].sort().map((currency) => {
      const mine = rows.filter((r) => r.currency === currency);
      return {
        currency, count: mine.length,
        amountMinor: mine.reduce((s, r) => s + r.amount, 0),
        weightedAmountMinor: mine.reduce((s, r) => s + r.weighted, 0),
      };
    });
  const known = definition.stages.filter((s) => s.phase === 'open');
  const others = [...new Map(counted.filter((c) => !known.some((s) => s.id === c.stage.id)).map((c) => [c.stage.id, c.stage])).values()]
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const stages: PipelineStageRow[] = [...known, ...others].map((stage) => {
    const mine = counted.filter((c) => c.stage.id === stage.id);
    return { stageId: stage.id, stageName: stage.name, count: mine.length, amounts: amounts(mine) };
  });
  return {
    pipelineId: definition.id, pipelineVersion: definition.version, stages,
    totals: { count: counted.length, amounts: amounts(counted) },
  };
}

export function naivePostCloseDeals(events: readonly RecordedEvent[], options: PostCloseDealsOptions): PostCloseDeal[] {
  const catalog = options.catalog ?? defaultPipelineCatalog;
  const now = Date.parse(options.now.length === 10 ? `${options.now}T00:00:00Z` : options.now);
  const closedFrom = options.closedFrom === undefined ? -Infinity : Date.parse(options.closedFrom);
  const closedTo = options.closedTo === undefined ? Infinity : Date.parse(options.closedTo);
  const result: PostCloseDeal[] = [];
  for (const deal of dealsOf(events)) {
    const won = first(deal, 'DealClosedWon');
    if (!won || has(deal, 'WonDealReversed')) continue;
    const closedAt = timeOf(won);
    if (!(Date.parse(closedAt) >= closedFrom && Date.parse(closedAt) < closedTo)) continue;
    const handOff = first(deal, 'DealHandedToImplementation');
    const started = first(deal, 'ImplementationStarted');
    const live = first(deal, 'DealWentLive');
    const lead = handOff ? (data(handOff).implementationLeadId as string) : null;
    const csm = handOff ? (data(handOff).customerSuccessManagerId as string) : null;
    if (options.implementationLeadId !== undefined && lead !== options.implementationLeadId) continue;
    if (options.customerSuccessManagerId !== undefined && csm !== options.customerSuccessManagerId) continue;
    const definition = definitionOf(catalog, deal);
    const post = definition ? postCloseStages(definition) : [];
    const wonDef = definition && wonStage(definition);
    const stage = live ? post[2] : started ? post[1] : handOff ? post[0] : wonDef;
    const threshold = (s: StageDefinition | undefined, fallback?: StageDefinition): number | null => {
      const override = s ? options.thresholds?.[s.id] : undefined;
      if (override !== undefined) return override;
      return s?.stuckAfterDays ?? fallback?.stuckAfterDays ?? null;
    };
    const wait = live ? null
      : started ? { waitingFor: 'go-live' as const, since: timeOf(started), stuckAfterDays: threshold(post[1]) }
        : handOff ? { waitingFor: 'implementation-start' as const, since: timeOf(handOff), stuckAfterDays: threshold(post[0]) }
          : { waitingFor: 'hand-off' as const, since: closedAt, stuckAfterDays: threshold(wonDef, post[0]) };
    const daysWaiting = wait ? (now - Date.parse(wait.since)) / DAY : null;
    const days = (a: RecordedEvent | undefined, b: RecordedEvent | undefined) =>
      a && b ? (Date.parse(timeOf(b)) - Date.parse(timeOf(a))) / DAY : null;
    result.push({
      dealId: deal.dealId, name: data(deal.events[0]).name as string, ownerId: data(deal.events[0]).ownerId as string,
      closedAt, stageId: stage?.id ?? currentStageId(catalog, deal), stageName: stage?.name ?? currentStageId(catalog, deal),
      handedOffAt: handOff ? timeOf(handOff) : null,
      implementationStartedAt: started ? timeOf(started) : null,
      liveAt: live ? timeOf(live) : null,
      implementationLeadId: lead, customerSuccessManagerId: csm,
      daysToHandOff: days(won, handOff), implementationDays: days(started, live),
      waitingFor: wait?.waitingFor ?? null, waitingSince: wait?.since ?? null, daysWaiting,
      stuckAfterDays: wait?.stuckAfterDays ?? null,
      stuck: wait !== null && wait.stuckAfterDays !== null && (daysWaiting as number) > wait.stuckAfterDays,
    });
  }
  return result.sort((a, b) => Date.parse(a.closedAt) - Date.parse(b.closedAt) || (a.dealId < b.dealId ? -1 : 1));
}

export function naiveStuckAfterClose(events: readonly RecordedEvent[], options: PostCloseDealsOptions): PostCloseDeal[] {
  return naivePostCloseDeals(events, options).filter((d) => d.stuck)
    .sort((a, b) => (b.daysWaiting ?? 0) - (a.daysWaiting ?? 0) || (a.dealId < b.dealId ? -1 : 1));
}

interface NaivePeriod {
  readonly from?: string;
  readonly to?: string;
}

interface Measured {
  readonly lead: string;
  readonly csm: string;
  readonly handOffMs: number | null;
  readonly implementationMs: number | null;
}

function measured(events: readonly RecordedEvent[], period: NaivePeriod): Measured[] {
  const bound = (value: string | undefined, open: number) =>
    value === undefined ? open : Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  const from = bound(period.from, -Infinity);
  const to = bound(period.to, Infinity);
  const inPeriod = (e: RecordedEvent) => Date.parse(timeOf(e)) >= from && Date.parse(timeOf(e)) < to;
  const result: Measured[] = [];
  for (const deal of dealsOf(events)) {
    const won = first(deal, 'DealClosedWon');
    const handOff = first(deal, 'DealHandedToImplementation');
    if (!won || !handOff || has(deal, 'WonDealReversed')) continue;
    const started = first(deal, 'ImplementationStarted');
    const live = first(deal, 'DealWentLive');
    result.push({
      lead: data(handOff).implementationLeadId as string,
      csm: data(handOff).customerSuccessManagerId as string,
      handOffMs: inPeriod(handOff) ? Date.parse(timeOf(handOff)) - Date.parse(timeOf(won)) : null,
      implementationMs: started && live && inPeriod(live) ? Date.parse(timeOf(live)) - Date.parse(timeOf(started)) : null,
    });
  }
  return result;
}

function stats(values: readonly (number | null)[]): DurationStats {
  const ms = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (ms.length === 0) return { count: 0, averageDays: null, medianDays: null };
  const half = ms.length >> 1;
  const median = ms.length % 2 === 0 ? (ms[half - 1] + ms[half]) / 2 : ms[half];
  return { count: ms.length, averageDays: ms.reduce((s, v) => s + v, 0) / ms.length / DAY, medianDays: median / DAY };
}

/** Placed by their end (the hand-off, going live: `measured`) and counted in fractional days (`stats`): the definitions it states. */
export function naivePostCloseDurations(events: readonly RecordedEvent[], period: NaivePeriod = {}): PostCloseDurations & { readonly definitions: { readonly periodBy: 'duration-end'; readonly days: 'fractional' } } {
  const all = measured(events, period);
  return {
    definitions: { periodBy: 'duration-end', days: 'fractional' },
    timeToHandOff: stats(all.map((m) => m.handOffMs)),
    implementation: stats(all.map((m) => m.implementationMs)),
  };
}

export function naivePostCloseDurationsBy(
  events: readonly RecordedEvent[], options: NaivePeriod & { readonly by: PostCloseGroup },
): PostCloseDurationsOf[] {
  const all = measured(events, options).filter((m) => m.handOffMs !== null || m.implementationMs !== null);
  const personOf = (m: Measured) => (options.by === 'implementation-lead' ? m.lead : m.csm);
  return [...new Set(all.map(personOf))].sort().map((personId) => {
    const mine = all.filter((m) => personOf(m) === personId);
    return { personId, timeToHandOff: stats(mine.map((m) => m.handOffMs)), implementation: stats(mine.map((m) => m.implementationMs)) };
  });
}
