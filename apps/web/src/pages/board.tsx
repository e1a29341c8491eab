import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import {
  amountsOf, applyDoc, BoardFilter, BoardSnapshot, BoardSort, BoardState, Card, Column, columnsOf, emptyBoard, figuresText, filterChoices, fromSnapshot,
  isFiltered, NO_FILTER, openCards, StuckDeal, StuckIndex, stuckOf, visibleCards,
} from '../board-model';
import { PerCurrency } from '../components/per-currency';
import { ShowMore } from '../components/show-more';
import { ErrorBox, LiveBadge, Loading } from '../components/ui';
import { days, daysSince, money, percent, shortAmount } from '../format';
import { useAllPages, useDealFeed } from '../hooks';
import { Me } from '../me';
import { mayOffer } from '../deal-actions-model';
import { moveTarget, MoveState, nextStage } from '../board-move-model';
import { href } from '../router';

const FLASH_MS = 4000;
/** Cards drawn per column before "show more" (fewer on a phone, where the columns stack): a 10k-deal store stays a page, not 80,000 px. */
const PAGE = matchMedia('(max-width: 720px)').matches ? 10 : 25;

function Figures({ amounts, label }: { amounts: Column['amounts']; label: string }) {
  return (
    <PerCurrency
      label={label}
      empty="no deals"
      figures={amounts.map((a) => ({
        currency: a.currency, amount: shortAmount(a.amountMinor, a.currency), extra: `weighted ${shortAmount(a.weightedAmountMinor, a.currency)}`,
        title: `${money(a.amountMinor, a.currency)}; weighted ${money(a.weightedAmountMinor, a.currency)}`,
      }))}
    />
  );
}

/** Moves a card: by dragging it onto the next column, or with its "Move to …" button (the keyboard's way). */
interface Mover {
  readonly canMove: boolean;
  readonly next: (stageId: string) => { readonly stageId: string; readonly stageName: string } | undefined;
  readonly state: ReadonlyMap<string, MoveState>;
  move(dealId: string, toStageId: string): void;
  drag(deal: Card | undefined): void;
}

function DealCard({ deal, flash, stuck, mover }: { deal: Card; flash: boolean; stuck?: StuckDeal; mover: Mover }) {
  const next = mover.canMove ? mover.next(deal.stageId) : undefined;
  const moving = mover.state.get(deal.dealId);
  return (
    <li class={`card${flash ? ' flash' : ''}${stuck ? ' stuck' : ''}`} data-deal-id={deal.dealId} data-testid="deal-card" data-stuck={stuck ? 'true' : undefined}
      draggable={next !== undefined}
      onDragStart={(e) => {
        e.dataTransfer?.setData('text/plain', deal.dealId);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
        mover.drag(deal);
      }}
      onDragEnd={() => mover.drag(undefined)}>
      <a href={href('deal', deal.dealId)} draggable={false}>
        <strong>{deal.name}</strong>
        <span class="muted">{deal.account.name} · {deal.ownerId}</span>
        <span>{money(deal.amountMinor, deal.currency)} <small class="muted">× {percent(deal.probability)}</small></span>
        {stuck
          ? <small class="late" data-testid="stuck-flag">stuck: {days(daysSince(deal.stageEnteredAt))} in stage (limit {stuck.stuckAfterDays} d)</small>
          : <small class="muted">{days(daysSince(deal.stageEnteredAt))} in stage</small>}
      </a>
      {next && (
        <button type="button" class="link move" disabled={moving?.busy} onClick={() => mover.move(deal.dealId, next.stageId)}>
          {moving?.busy ? 'Moving…' : `Move to ${next.stageName}`}
        </button>
      )}
      <ErrorBox error={moving?.error} />
    </li>
  );
}

function Select({ label, value, options, onChange, all }: { label: string; value: string; options: readonly { value: string; text: string }[]; onChange: (v: string) => void; all: string }) {
  const id = `filter-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <span class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{all}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.text}</option>)}
      </select>
    </span>
  );
}

function Filters({ board, filter, sort, onFilter, onSort }: {
  board: BoardState; filter: BoardFilter; sort: BoardSort; onFilter: (f: BoardFilter) => void; onSort: (s: BoardSort) => void;
}) {
  const choices = useMemo(() => filterChoices(board), [board]);
  const people = (ids: readonly string[]) => ids.map((id) => ({ value: id, text: id }));
  const set = (change: Partial<BoardFilter>) => onFilter({ ...filter, ...change });
  return (
    <form class="filters" role="search" aria-label="Filter the board" onSubmit={(e) => e.preventDefault()}>
      <span class="field">
        <label for="filter-search">Search</label>
        <input id="filter-search" type="search" placeholder="deal or account" value={filter.search} onInput={(e) => set({ search: (e.target as HTMLInputElement).value })} />
      </span>
      <Select label="Owner" value={filter.ownerId} all="anyone" options={people(choices.owners)} onChange={(ownerId) => set({ ownerId })} />
      <Select label="Team member" value={filter.teamMemberId} all="anyone" options={people(choices.teamMembers)} onChange={(teamMemberId) => set({ teamMemberId })} />
      <Select label="Stage" value={filter.stageId} all="every stage" options={board.stages.map((s) => ({ value: s.stageId, text: s.stageName }))} onChange={(stageId) => set({ stageId })} />
      <Select label="Currency" value={filter.currency} all="any" options={choices.currencies.map((c) => ({ value: c, text: c }))} onChange={(currency) => set({ currency })} />
      <span class="field check">
        <input id="filter-stuck" type="checkbox" checked={filter.stuckOnly} onChange={(e) => set({ stuckOnly: (e.target as HTMLInputElement).checked })} />
        <label for="filter-stuck">Stuck only</label>
      </span>
      <span class="field">
        <label for="board-sort">Order</label>
        <select id="board-sort" value={sort} onChange={(e) => onSort((e.target as HTMLSelectElement).value as BoardSort)}>
          <option value="recent">changed last first</option>
          <option value="longest">longest in stage first</option>
        </select>
      </span>
      {isFiltered(filter) && <button type="button" class="link" onClick={() => onFilter(NO_FILTER)}>clear filters</button>}
    </form>
  );
}

function StageColumn({ column, flash, stuck, filtered, mover, dropTarget }: {
  column: Column; flash: ReadonlySet<string>; stuck: StuckIndex; filtered: boolean; mover: Mover; dropTarget: boolean;
}) {
  const [shown, setShown] = useState(PAGE);
  const { visible } = visibleCards(column.deals, shown, flash);
  return (
    <section class={`stage${dropTarget ? ' drop-target' : ''}`} data-stage-id={column.stageId} data-testid="stage" aria-label={column.stageName}
      onDragOver={(e) => {
        if (!dropTarget) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
      }}
      onDrop={(e) => {
        e.preventDefault();
        const dealId = e.dataTransfer?.getData('text/plain');
        if (dealId) mover.move(dealId, column.stageId);
      }}>
      <header>
        <h2>{column.stageName} <span class="count" data-testid="stage-count">{column.count}{filtered ? <small> of {column.total}</small> : null}</span></h2>
        <Figures amounts={column.amounts} label={`${column.stageName}: amounts per currency`} />
      </header>
      <ol class="cards">
        {visible.map((d) => <DealCard key={d.dealId} deal={d} flash={flash.has(d.dealId)} stuck={stuckOf(d, stuck)} mover={mover} />)}
      </ol>
      <ShowMore shown={Math.min(shown, column.deals.length)} total={column.deals.length} step={PAGE} onMore={setShown} what="deals" />
    </section>
  );
}

/**
 * The pipeline board: a snapshot from GET /board, then every deal-summary document from the
 * live feed, so a deal moves to its new column the moment someone records the fact. Stuck deals
 * come from GET /pipeline/stuck; filters, search and order are applied here, over the open deals
 * the caller may read.
 */
export function BoardPage({ me }: { me: Me }) {
  const [board, setBoard] = useState<BoardState>(emptyBoard);
  const [error, setError] = useState<Error>();
  const [loaded, setLoaded] = useState(false);
  const [flash, setFlash] = useState<ReadonlyMap<string, number>>(new Map());
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  const [sort, setSort] = useState<BoardSort>('recent');
  const stuckList = useAllPages<StuckDeal>('/pipeline/stuck');
  const stuck = useMemo<StuckIndex>(() => new Map((stuckList.data?.items ?? []).map((s) => [s.dealId, s])), [stuckList.data]);

  // The feed is opened first and the snapshot merged into what it brought, so nothing falls between the two.
  const status = useDealFeed((doc) => {
    const card = doc as Card;
    setBoard((b) => applyDoc(b, card));
    setFlash((f) => new Map(f).set(card.dealId, Date.now()));
  });
  useEffect(() => {
    api<{ result: BoardSnapshot }>('/board').then(
      (answer) => {
        setBoard((early) => fromSnapshot(answer.result, early));
        setLoaded(true);
      },
      (e: Error) => setError(e),
    );
  }, []);
  useEffect(() => {
    const timer = setInterval(() => setFlash((f) => (f.size ? new Map([...f].filter(([, at]) => Date.now() - at < FLASH_MS)) : f)), 1000);
    return () => clearInterval(timer);
  }, []);

  // A move asks the API to advance the deal; the card changes column only when the live feed says it moved.
  const [moves, setMoves] = useState<ReadonlyMap<string, MoveState>>(new Map());
  const [dragging, setDragging] = useState<Card>();
  const setMove = (dealId: string, state: MoveState) => setMoves((m) => new Map(m).set(dealId, state));
  const mover: Mover = {
    canMove: mayOffer(me.roles, 'AdvanceStage'),
    next: (stageId) => nextStage(board.stages, stageId),
    state: moves,
    drag: setDragging,
    move: (dealId, toStageId) => {
      setDragging(undefined);
      const target = moveTarget(board.stages, board.deals.get(dealId), toStageId);
      if ('problem' in target) return setMove(dealId, { busy: false, error: new Error(target.problem) });
      if ('stay' in target) return undefined;
      setMove(dealId, { busy: true });
      api(`/deals/${encodeURIComponent(dealId)}/stage/advance`, { method: 'POST', body: { toStageId } }).then(
        () => setMove(dealId, { busy: false }),
        (error: Error) => setMove(dealId, { busy: false, error }),
      );
    },
  };
  const columns = columnsOf(board, { filter, sort, stuck });
  const shown = columns.flatMap((c) => c.deals);
  const openDeals = openCards(board);
  const open = openDeals.length;
  const stuckNow = openDeals.filter((d) => stuckOf(d, stuck)).length;
  const filtered = isFiltered(filter);
  const flashing = new Set(flash.keys());
  const totals = amountsOf(shown);
  return (
    <div class="board-page">
      <header class="page-head">
        <h1>Pipeline</h1>
        <LiveBadge status={status} />
        {mayOffer(me.roles, 'OpenDeal') && !me.roles.includes('integration') && <a class="button" href={href('new-deal')}>New deal</a>}
        <span class="muted board-total" data-testid="board-total" title={figuresText(totals)}>
          <span data-testid="board-count">{filtered ? `${shown.length} of ${open}` : open} open deal{open === 1 ? '' : 's'}</span>
          {' · '}<span data-testid="stuck-count">{stuckNow} stuck</span>
          <Figures amounts={totals} label="Open pipeline: amounts per currency" />
        </span>
      </header>
      <Filters board={board} filter={filter} sort={sort} onFilter={setFilter} onSort={setSort} />
      {/* Implementation reads the board but not the pipeline reports: no stuck marks, and no refusal to show for it. */}
      <ErrorBox error={error ?? (stuckList.error instanceof ApiError && stuckList.error.status === 403 ? undefined : stuckList.error)} />
      <Loading when={!loaded && !error} />
      <div class="board" data-testid="board">
        {columns.map((c) => (
          <StageColumn key={c.stageId} column={c} flash={flashing} stuck={stuck} filtered={filtered} mover={mover}
            dropTarget={dragging !== undefined && mover.next(dragging.stageId)?.stageId === c.stageId} />
        ))}
      </div>
    </div>
  );
}
