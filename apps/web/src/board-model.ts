import { shortAmount } from './format';

/** A deal as the board shows it: the fields of a deal-summary document (GET /board and the live feed). */
export interface Card {
  readonly dealId: string;
  readonly name: string;
  readonly account: { readonly name: string };
  readonly ownerId: string;
  readonly team: readonly { readonly userId: string; readonly role: string }[];
  readonly currency: string;
  readonly amountMinor: number;
  readonly probability: number;
  readonly stageId: string;
  readonly stageName: string;
  readonly stageEnteredAt: string;
  readonly status: string;
  readonly pipeline: { readonly id: string };
  readonly lastPosition: number;
}

export interface Amounts {
  readonly currency: string;
  readonly count: number;
  readonly amountMinor: number;
  readonly weightedAmountMinor: number;
}

export interface Column {
  readonly stageId: string;
  readonly stageName: string;
  /** Deals in the column that pass the filter. */
  readonly count: number;
  /** Open deals in the stage, filtered or not. */
  readonly total: number;
  /** The figures of the deals that pass the filter. */
  readonly amounts: readonly Amounts[];
  readonly deals: readonly Card[];
}

/** An open deal in a stage longer than the stage's limit, as `GET /pipeline/stuck` lists it. */
export interface StuckDeal {
  readonly dealId: string;
  readonly stageId: string;
  readonly enteredAt: string;
  readonly daysInStage: number;
  readonly stuckAfterDays: number;
}

export type StuckIndex = ReadonlyMap<string, StuckDeal>;

/** What the board shows: every field empty (or false) shows everything. */
export interface BoardFilter {
  readonly ownerId: string;
  readonly teamMemberId: string;
  readonly stageId: string;
  readonly currency: string;
  readonly stuckOnly: boolean;
  /** Part of the deal's or the account's name, any case. */
  readonly search: string;
}

export const NO_FILTER: BoardFilter = { ownerId: '', teamMemberId: '', stageId: '', currency: '', stuckOnly: false, search: '' };

export const isFiltered = (filter: BoardFilter): boolean =>
  Boolean(filter.ownerId || filter.teamMemberId || filter.stageId || filter.currency || filter.stuckOnly || filter.search.trim());

/** `recent`: the deal changed last first, so a card that just moved is on top; `longest`: longest in the stage first. */
export type BoardSort = 'recent' | 'longest';

export interface BoardSnapshot {
  readonly pipelineId: string;
  readonly stages: readonly { readonly stageId: string; readonly stageName: string; readonly deals: readonly Card[] }[];
}

/** The board between renders: the stage rows of the snapshot, and every deal seen, by id. */
export interface BoardState {
  readonly pipelineId: string;
  readonly stages: readonly { readonly stageId: string; readonly stageName: string }[];
  readonly deals: ReadonlyMap<string, Card>;
}

export const emptyBoard: BoardState = { pipelineId: '', stages: [], deals: new Map() };

/** The snapshot, merged with any documents that arrived on the live feed before it (newest wins). */
export function fromSnapshot(snapshot: BoardSnapshot, earlier: BoardState = emptyBoard): BoardState {
  const base: BoardState = {
    pipelineId: snapshot.pipelineId,
    stages: snapshot.stages.map(({ stageId, stageName }) => ({ stageId, stageName })),
    deals: new Map(snapshot.stages.flatMap((s) => s.deals.map((d) => [d.dealId, d] as const))),
  };
  return [...earlier.deals.values()].reduce(applyDoc, base);
}

/** One deal-summary document from the live feed; an older document than the one held changes nothing. */
export function applyDoc(state: BoardState, doc: Card): BoardState {
  const held = state.deals.get(doc.dealId);
  if (held && held.lastPosition > doc.lastPosition) return state;
  const deals = new Map(state.deals);
  deals.set(doc.dealId, doc);
  return { ...state, deals };
}

/** The open deals of the board's pipeline. */
export const openCards = (state: BoardState): Card[] =>
  [...state.deals.values()].filter((d) => d.status === 'open' && (state.pipelineId === '' || d.pipeline.id === state.pipelineId));

/**
 * Stuck while it sits where `GET /pipeline/stuck` found it: a deal that moved since entered its
 * stage anew, so it is not stuck there (yet).
 */
export function stuckOf(card: Card, stuck: StuckIndex): StuckDeal | undefined {
  const found = stuck.get(card.dealId);
  return found && found.stageId === card.stageId && found.enteredAt === card.stageEnteredAt ? found : undefined;
}

export function matches(card: Card, filter: BoardFilter, stuck: StuckIndex): boolean {
  if (filter.ownerId && card.ownerId !== filter.ownerId) return false;
  if (filter.teamMemberId && !card.team.some((m) => m.userId === filter.teamMemberId)) return false;
  if (filter.stageId && card.stageId !== filter.stageId) return false;
  if (filter.currency && card.currency !== filter.currency) return false;
  if (filter.stuckOnly && !stuckOf(card, stuck)) return false;
  const search = filter.search.trim().toLocaleLowerCase();
  return !search || card.name.toLocaleLowerCase().includes(search) || card.account.name.toLocaleLowerCase().includes(search);
}

const BY: Record<BoardSort, (a: Card, b: Card) => number> = {
  recent: (a, b) => b.lastPosition - a.lastPosition || (a.dealId < b.dealId ? -1 : 1),
  longest: (a, b) => (a.stageEnteredAt < b.stageEnteredAt ? -1 : a.stageEnteredAt > b.stageEnteredAt ? 1 : a.dealId < b.dealId ? -1 : 1),
};

/**
 * The columns to draw: the open deals of the board's pipeline per stage (only the filtered
 * stage's column when a stage is chosen) that pass the filter, in the order asked, with their
 * figures and the stage's count before filtering.
 */
export function columnsOf(state: BoardState, view: { filter?: BoardFilter; sort?: BoardSort; stuck?: StuckIndex } = {}): Column[] {
  const { filter = NO_FILTER, sort = 'recent', stuck = new Map() } = view;
  const open = openCards(state);
  return state.stages.filter((s) => !filter.stageId || s.stageId === filter.stageId).map(({ stageId, stageName }) => {
    const here = open.filter((d) => d.stageId === stageId);
    const deals = here.filter((d) => matches(d, filter, stuck)).sort(BY[sort]);
    return { stageId, stageName, count: deals.length, total: here.length, amounts: amountsOf(deals), deals };
  });
}

/** What the filters offer: the owners, team members and currencies of the open deals, sorted. */
export function filterChoices(state: BoardState): { owners: string[]; teamMembers: string[]; currencies: string[] } {
  const open = openCards(state);
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    owners: sorted(open.map((d) => d.ownerId)),
    teamMembers: sorted(open.flatMap((d) => d.team.map((m) => m.userId))),
    currencies: sorted(open.map((d) => d.currency)),
  };
}

/** The cards a column draws: the first `shown`, and any card just changed further down (so its highlight is seen). */
export function visibleCards(deals: readonly Card[], shown: number, flashing: ReadonlySet<string>): { visible: Card[]; hidden: number } {
  const visible = deals.filter((d, i) => i < shown || flashing.has(d.dealId));
  return { visible, hidden: deals.length - visible.length };
}

/** Figures of several currencies in words, each labelled: "EUR 11M, weighted 3.2M; USD 7.8M, weighted 2M". */
export function figuresText(amounts: readonly Amounts[]): string {
  return amounts.map((a) => `${a.currency} ${shortAmount(a.amountMinor, a.currency)}, weighted ${shortAmount(a.weightedAmountMinor, a.currency)}`).join('; ');
}

export function amountsOf(deals: readonly Card[]): Amounts[] {
  const by = new Map<string, Amounts>();
  for (const d of deals) {
    const t = by.get(d.currency) ?? { currency: d.currency, count: 0, amountMinor: 0, weightedAmountMinor: 0 };
    by.set(d.currency, {
      currency: d.currency, count: t.count + 1, amountMinor: t.amountMinor + d.amountMinor,
      weightedAmountMinor: t.weightedAmountMinor + weightedMinor(d.amountMinor, d.probability),
    });
  }
  return [...by.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

const SCALE = 1_000_000n;

/** amount × probability rounded half-up to a minor unit, exactly as GET /pipeline weighs each deal. */
export function weightedMinor(amountMinor: number, probability: number): number {
  const scaled = BigInt(Math.round(probability * Number(SCALE)));
  return Number((2n * BigInt(amountMinor) * scaled + SCALE) / (2n * SCALE));
}
