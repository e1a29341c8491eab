import { ErrorBox, Loading, Section, Table } from '../components/ui';
import { day, days } from '../format';
import { useApi } from '../hooks';
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

const yearAgo = () => new Date(Date.now() - 365 * 86_400_000).toISOString();

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

const statText = (s?: Stats) => (s && s.count ? `median ${days(s.medianDays)}, average ${days(s.averageDays)} (${s.count} deals)` : 'no deals yet');

/** Won deals after the close: hand-off, implementation, live, how long each took, and who is stuck. */
export function PostClosePage() {
  const list = useApi<{ result: { items: readonly Row[] } }>('/post-close?limit=1000');
  const durations = useApi<{ result: { timeToHandOff: Stats; implementation: Stats } }>(`/post-close/durations?from=${yearAgo()}&to=${new Date().toISOString()}`);
  const rows = list.data?.result.items ?? [];
  const stuck = rows.filter((r) => r.stuck);
  return (
    <div>
      <header class="page-head"><h1>Post-close</h1><span class="muted">{rows.length} won deals · {stuck.length} stuck</span></header>
      <ErrorBox error={list.error ?? durations.error} />
      <Loading when={list.loading && !list.data} />
      <dl class="facts">
        <div><dt>Time to hand-off (12 months)</dt><dd>{statText(durations.data?.result.timeToHandOff)}</dd></div>
        <div><dt>Implementation (12 months)</dt><dd>{statText(durations.data?.result.implementation)}</dd></div>
      </dl>
      <div class="board">
        {STAGES.map((s) => {
          const here = rows.filter((r) => r.stageId === s.id);
          return (
            <section key={s.id} class="stage" data-stage-id={s.id}>
              <header><h2>{s.label} <span class="count">{here.length}</span></h2></header>
              <ol class="cards">{here.map((r) => <PostCloseCard key={r.dealId} r={r} />)}</ol>
            </section>
          );
        })}
      </div>
      {stuck.length > 0 && (
        <Section title="Stuck">
          <Table head={['Deal', 'Waiting for', 'Since', 'Days']} label="Stuck deals">
            {stuck.sort((a, b) => (b.daysWaiting ?? 0) - (a.daysWaiting ?? 0)).map((r) => (
              <tr key={r.dealId}><td><a href={href('deal', r.dealId)}>{r.name}</a></td><td>{r.waitingFor}</td><td>{day(r.waitingSince)}</td><td>{days(r.daysWaiting)}</td></tr>
            ))}
          </Table>
        </Section>
      )}
    </div>
  );
}
