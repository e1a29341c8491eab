import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { amountsOf, applyDoc, BoardSnapshot, BoardState, Card, Column, columnsOf, emptyBoard, fromSnapshot } from '../board-model';
import { ErrorBox, LiveBadge, Loading } from '../components/ui';
import { days, daysSince, money, percent, shortMoney } from '../format';
import { useDealFeed } from '../hooks';
import { href } from '../router';

const FLASH_MS = 4000;

function Figures({ amounts }: { amounts: Column['amounts'] }) {
  if (!amounts.length) return <span class="muted">no deals</span>;
  return (
    <>
      {amounts.map((a) => (
        <span key={a.currency} class="figures" title={`${money(a.amountMinor, a.currency)}; weighted ${money(a.weightedAmountMinor, a.currency)}`}>
          {shortMoney(a.amountMinor, a.currency)} <small>· weighted {shortMoney(a.weightedAmountMinor, a.currency)}</small>
        </span>
      ))}
    </>
  );
}

function DealCard({ deal, flash }: { deal: Card; flash: boolean }) {
  return (
    <li class={`card${flash ? ' flash' : ''}`} data-deal-id={deal.dealId} data-testid="deal-card">
      <a href={href('deal', deal.dealId)}>
        <strong>{deal.name}</strong>
        <span class="muted">{deal.account.name} · {deal.ownerId}</span>
        <span>{money(deal.amountMinor, deal.currency)} <small class="muted">× {percent(deal.probability)}</small></span>
        <small class="muted">{days(daysSince(deal.stageEnteredAt))} in stage</small>
      </a>
    </li>
  );
}

/**
 * The pipeline board: a snapshot from GET /board, then every deal-summary document from the
 * live feed, so a deal moves to its new column the moment someone records the fact.
 */
export function BoardPage() {
  const [board, setBoard] = useState<BoardState>(emptyBoard);
  const [error, setError] = useState<Error>();
  const [loaded, setLoaded] = useState(false);
  const [flash, setFlash] = useState<ReadonlyMap<string, number>>(new Map());

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
    const timer = setInterval(() => setFlash((f) => new Map([...f].filter(([, at]) => Date.now() - at < FLASH_MS))), 1000);
    return () => clearInterval(timer);
  }, []);

  const columns = columnsOf(board);
  const all = columns.flatMap((c) => c.deals);
  return (
    <div class="board-page">
      <header class="page-head">
        <h1>Pipeline</h1>
        <LiveBadge status={status} />
        <span class="muted" data-testid="board-total">{all.length} open deal{all.length === 1 ? '' : 's'} · <Figures amounts={amountsOf(all)} /></span>
      </header>
      <ErrorBox error={error} />
      <Loading when={!loaded && !error} />
      <div class="board" data-testid="board">
        {columns.map((c) => (
          <section key={c.stageId} class="stage" data-stage-id={c.stageId} data-testid="stage" aria-label={c.stageName}>
            <header>
              <h2>{c.stageName} <span class="count" data-testid="stage-count">{c.count}</span></h2>
              <Figures amounts={c.amounts} />
            </header>
            <ol class="cards">
              {c.deals.map((d) => <DealCard key={d.dealId} deal={d} flash={flash.has(d.dealId)} />)}
            </ol>
          </section>
        ))}
      </div>
    </div>
  );
}
