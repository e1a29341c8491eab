import { useState } from 'preact/hooks';
import { ShowMore } from '../components/show-more';
import { ErrorBox, Loading, Section, Table } from '../components/ui';
import { day, days } from '../format';
import { useAllPages, useApi } from '../hooks';
import { windowOf } from '../paging-model';
import { trailingYear } from '../range-model';
import { href } from '../router';

interface Row {
  readonly dealId: string; readonly name: string; readonly ownerId: string; readonly closedAt: string;
  readonly stageId: string; readonly stageName: string;
  readonly handedOffAt: string | null; readonly implementationStartedAt: string | null; readonly liveAt: string | null;
  readonly implementationLeadId: string | null; readonly customerSuccessManagerId: string | null;
  readonly daysToHandOff: number | null; readonly implementationDays: number | null;
  readonly waitingFor: string | null; readonly waitingSince: string | null; readonly daysWaiting: number | null; readonly stuck: boolean;
}
interface Stats { readonly count: number; readonly averageDays: number | null; readonly medianDays: number | null }

const STAGES = [
  { id: 'closed-won', label: 'Waiting for hand-off' },
  { id: 'handed-to-implementation', label: 'Handed off' },
  { id: 'implementation-in-progress', label: 'Implementation' },
  { id: 'live', label: 'Live' },
];

/** Cards drawn per column, and stuck deals listed, before "show more". */
const PAGE = 50;

function PostCloseCard({ r }: { r: Row }) {
  return (
    <li class={`card${r.stuck ? ' stuck' : ''}`} data-testid="post-close-card">
      <a href={href('deal', r.dealId)}>
        <strong>{r.name}</strong>
        <span class="muted">closed {day(r.closedAt)} · {r.ownerId}</span>
        {r.daysToHandOff !== null && <small>hand-off after {days(r.daysToHandOff)}</small>}
        {r.implementationDays !== null && <small>implementation {days(r.implementationDays)}</small>}
        {r.waitingFor && <small class={r.stuck ? 'late' : 'muted'}>{r.stuck ? 'stuck: ' : ''}waiting for {r.waitingFor} for {days(r.daysWaiting)}</small>}
        {(r.implementationLeadId || r.customerSuccessManagerId) && (
          <small class="muted">{[r.implementationLeadId, r.customerSuccessManagerId].filter(Boolean).join(' · ')}</small>
        )}
      </a>
    </li>
  );
}

const statText = (s: Stats) => (s.count ? `median ${days(s.medianDays)}, average ${days(s.averageDays)} (${s.count} deals)` : 'no deals yet');

function PostCloseColumn({ label, stageId, rows }: { label: string; stageId: string; rows: readonly Row[] }) {
  const [shown, setShown] = useState(PAGE);
  const { visible } = windowOf(rows, shown);
  return (
    <section class="stage" data-stage-id={stageId}>
      <header><h2>{label} <span class="count">{rows.length}</span></h2></header>
      <ol class="cards">{visible.map((r) => <PostCloseCard key={r.dealId} r={r} />)}</ol>
      <ShowMore shown={visible.length} total={rows.length} step={PAGE} onMore={setShown} what="deals" />
    </section>
  );
}

function StuckList({ stuck }: { stuck: readonly Row[] }) {
  const [shown, setShown] = useState(PAGE);
  const { visible } = windowOf([...stuck].sort((a, b) => (b.daysWaiting ?? 0) - (a.daysWaiting ?? 0)), shown);
  return (
    <Section title={`Stuck (${stuck.length})`}>
      <Table head={['Deal', 'Waiting for', 'Since', 'Days']} label="Stuck deals" stack>
        {visible.map((r) => (
          <tr key={r.dealId} data-testid="post-close-stuck">
            <td data-label="Deal"><a href={href('deal', r.dealId)}>{r.name}</a></td><td data-label="Waiting for">{r.waitingFor}</td>
            <td data-label="Since">{day(r.waitingSince)}</td><td data-label="Days">{days(r.daysWaiting)}</td>
          </tr>
        ))}
      </Table>
      <ShowMore shown={visible.length} total={stuck.length} step={PAGE} onMore={setShown} what="stuck deals" />
    </Section>
  );
}

/**
 * Won deals after the close: hand-off, implementation, live, how long each took, and who is
 * stuck. Every won deal is read (page by page); long columns show their first cards and how many
 * more there are. The twelve months are fixed once per visit, so the durations are asked once.
 */
export function PostClosePage() {
  const [range] = useState(() => trailingYear(new Date()));
  const list = useAllPages<Row>('/post-close');
  const durations = useApi<{ result: { timeToHandOff: Stats; implementation: Stats } }>(`/post-close/durations?from=${range.from}&to=${range.to}`);
  const rows = list.data?.items ?? [];
  const stuck = rows.filter((r) => r.stuck);
  return (
    <div>
      <header class="page-head"><h1>Post-close</h1><span class="muted" data-testid="post-close-total">{rows.length} won deals · {stuck.length} stuck</span></header>
      <ErrorBox error={list.error ?? durations.error} />
      <Loading when={list.loading && !list.data} />
      <dl class="facts">
        <div><dt>Time to hand-off (12 months)</dt><dd data-testid="duration-hand-off">{durations.data ? statText(durations.data.result.timeToHandOff) : '…'}</dd></div>
        <div><dt>Implementation (12 months)</dt><dd data-testid="duration-implementation">{durations.data ? statText(durations.data.result.implementation) : '…'}</dd></div>
      </dl>
      <div class="board">
        {STAGES.map((s) => <PostCloseColumn key={s.id} label={s.label} stageId={s.id} rows={rows.filter((r) => r.stageId === s.id)} />)}
      </div>
      {stuck.length > 0 && <StuckList stuck={stuck} />}
    </div>
  );
}
