/** A deal as the board shows it: the fields of a deal-summary document (GET /board and the live feed). */
export interface Card {
  readonly dealId: string;
  readonly name: string;
  readonly account: { readonly name: string };
  readonly ownerId: string;
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
  readonly count: number;
  readonly amounts: readonly Amounts[];
  readonly deals: readonly Card[];
}

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

/** The columns to draw: open deals of the board's pipeline per stage, longest in the stage first, with their figures. */
export function columnsOf(state: BoardState): Column[] {
  return state.stages.map(({ stageId, stageName }) => {
    const deals = [...state.deals.values()]
      .filter((d) => d.status === 'open' && d.stageId === stageId && (state.pipelineId === '' || d.pipeline.id === state.pipelineId))
      .sort((a, b) => (a.stageEnteredAt < b.stageEnteredAt ? -1 : a.stageEnteredAt > b.stageEnteredAt ? 1 : a.dealId < b.dealId ? -1 : 1));
    return { stageId, stageName, count: deals.length, amounts: amountsOf(deals), deals };
  });
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
