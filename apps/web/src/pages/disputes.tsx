import { useState } from 'preact/hooks';
import { CommandAnswer, readAfter } from '../api';
import { ApprovalStep, Dispute, Reconstruction } from '../commission-types';
import { EventRefs } from '../components/events';
import { ErrorBox, Loading, Section, Table } from '../components/ui';
import { decimal, money, shiftQuarter, shortId, when } from '../format';
import { useApi, useCommand } from '../hooks';
import { href } from '../router';
import { Me } from '../me';

type Filter = 'open' | 'awaiting-approval' | '';

/** The dispute queue: every dispute for finance, sales-ops and admin; one's own for anyone else. */
export function DisputesPage() {
  const [status, setStatus] = useState<Filter>('open');
  const list = useApi<{ result: readonly Dispute[] }>(`/board/disputes${status ? `?status=${status}` : ''}`);
  return (
    <div>
      <header class="page-head">
        <h1>Disputes</h1>
        <label class="inline">Show <select value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value as Filter)}>
          <option value="open">open</option><option value="awaiting-approval">awaiting approval</option><option value="">all</option>
        </select></label>
      </header>
      <ErrorBox error={list.error} />
      <Loading when={list.loading && !list.data} />
      {list.data && (list.data.result.length === 0 ? <p class="muted">No disputes.</p> : (
        <Table head={['Raised', 'Person', 'Period', 'Line', 'Claim', 'Status']} label="Disputes">
          {list.data.result.map((d) => (
            <tr key={d.disputeId} data-testid="dispute-row">
              <td><a href={href('disputes', d.disputeId)}>{when(d.raised.recordedAt)}</a></td>
              <td>{d.userId}</td><td>{d.period}</td><td><code>{d.lineId}</code>{d.dealName ? <><br /><small class="muted">{d.dealName}</small></> : null}</td>
              <td>{d.claim}</td><td><span class={`status status-${d.status}`}>{d.status}</span></td>
            </tr>
          ))}
        </Table>
      ))}
    </div>
  );
}

interface AdjustmentRow { userId: string; period: string; amount: string; currency: string }

/** Finance resolves: accept with adjustment lines (in the period they choose), or reject with a reason. */
function Resolve({ dispute, recon, onDone }: { dispute: Dispute; recon: Reconstruction; onDone: (answer: CommandAnswer) => void }) {
  const [decision, setDecision] = useState<'accept' | 'reject'>('accept');
  const [reason, setReason] = useState('');
  const [rows, setRows] = useState<AdjustmentRow[]>(() => {
    const delta = recon.totalDifference.filter((t) => t.deltaMinor !== 0);
    const next = shiftQuarter(dispute.period, 1);
    return (delta.length ? delta : [{ currency: 'EUR', deltaMinor: 0 }]).map((t) => ({ userId: dispute.userId, period: next, amount: decimal(t.deltaMinor, t.currency), currency: t.currency }));
  });
  const { busy, error, send } = useCommand();
  const set = (i: number, field: keyof AdjustmentRow, value: string) => setRows(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  const submit = async (e: Event) => {
    e.preventDefault();
    const answer = await send(`/commission/disputes/${dispute.disputeId}/resolution`, { decision, reason, ...(decision === 'accept' ? { adjustments: rows } : {}) });
    if (answer) onDone(answer);
  };
  return (
    <form class="resolve" onSubmit={submit}>
      <fieldset class="inline">
        <label><input type="radio" name="decision" checked={decision === 'accept'} onChange={() => setDecision('accept')} /> Accept with adjustments</label>
        <label><input type="radio" name="decision" checked={decision === 'reject'} onChange={() => setDecision('reject')} /> Reject</label>
      </fieldset>
      {decision === 'accept' && rows.map((r, i) => (
        <div class="adjustment" key={i}>
          <input aria-label="person" value={r.userId} onInput={(e) => set(i, 'userId', (e.target as HTMLInputElement).value)} />
          <input aria-label="period" value={r.period} size={8} onInput={(e) => set(i, 'period', (e.target as HTMLInputElement).value)} />
          <input aria-label="amount" value={r.amount} size={10} inputMode="decimal" onInput={(e) => set(i, 'amount', (e.target as HTMLInputElement).value)} />
          <input aria-label="currency" value={r.currency} size={4} onInput={(e) => set(i, 'currency', (e.target as HTMLInputElement).value)} />
          <button type="button" class="link" onClick={() => setRows(rows.filter((_, j) => j !== i))}>remove</button>
        </div>
      ))}
      {decision === 'accept' && <button type="button" class="link" onClick={() => setRows([...rows, { userId: '', period: shiftQuarter(dispute.period, 1), amount: '', currency: rows[0]?.currency ?? 'EUR' }])}>+ adjustment</button>}
      <label for="reason">Reason</label>
      <textarea id="reason" rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
      <ErrorBox error={error} />
      <button type="submit" disabled={busy || !reason.trim()}>{decision === 'accept' ? 'Accept and adjust' : 'Reject'}</button>
    </form>
  );
}

/** An acceptance above the threshold: who proposed it and what it would pay; a second finance user approves it or sends it back. */
function SecondApproval({ dispute, step, me, onDone }: { dispute: Dispute; step: ApprovalStep; me: Me; onDone: (answer: CommandAnswer) => void }) {
  const [reason, setReason] = useState('');
  const { busy, error, send } = useCommand();
  const decide = async (decision: 'approve' | 'reject') => {
    const answer = await send(`/commission/disputes/${dispute.disputeId}/approval`, { decision, reason: reason.trim() });
    if (answer) onDone(answer);
  };
  const adjustments = step.adjustments ?? [];
  return (
    <div data-testid="second-approval">
      <p>Accepted by <strong>{step.by}</strong> on {when(step.ref.recordedAt)}: “{step.reason}”. It pays nothing until a second finance user approves it.</p>
      {adjustments.length > 0 && (
        <Table head={['Person', 'Period', 'Amount', 'Reason']} label="Proposed adjustments">
          {adjustments.map((a, i) => (
            <tr key={a.adjustmentId ?? i}><td>{a.userId}</td><td>{a.period}</td><td class="num">{money(a.amountMinor, a.currency)}</td><td>{a.reason ?? ''}</td></tr>
          ))}
        </Table>
      )}
      {!me.roles.includes('finance') ? null : step.by === me.userId ? (
        <p class="muted">You proposed this acceptance; another finance user must approve it.</p>
      ) : (
        <form class="resolve" onSubmit={(e) => e.preventDefault()}>
          <label for="approval-reason">Reason</label>
          <textarea id="approval-reason" rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
          <ErrorBox error={error} />
          <button type="button" disabled={busy || !reason.trim()} onClick={() => decide('approve')}>Approve</button>{' '}
          <button type="button" class="secondary" disabled={busy || !reason.trim()} onClick={() => decide('reject')}>Send back</button>
        </form>
      )}
    </div>
  );
}

/** What a resolution did, in words: a proposal above the threshold pays nothing yet. */
function resolvedText(answer: CommandAnswer): string {
  const types = answer.events.map((e) => e.type);
  if (types.includes('DisputeAcceptanceProposed')) return 'Accepted, above the threshold: it waits for a second finance user\'s approval and pays nothing until then.';
  if (types.includes('DisputeAcceptanceRejected')) return 'Sent back: the dispute is open again.';
  if (types.includes('DisputeAccepted')) return 'Accepted: the adjustments are lines in their periods.';
  return 'Rejected.';
}

/** One dispute: the statement as known at the quarter's close vs now, the events that differ, and the decision. */
export function DisputePage({ disputeId, me }: { disputeId: string; me: Me }) {
  const [done, setDone] = useState<CommandAnswer>();
  const review = useApi<{ dispute: Dispute; reconstruction: Reconstruction }>(readAfter(`/commission/disputes/${encodeURIComponent(disputeId)}`, done?.position));
  const d = review.data?.dispute;
  const proposal = d?.status === 'awaiting-approval' ? d.approvals?.filter((a) => a.step === 'proposed').at(-1) : undefined;
  const r = review.data?.reconstruction;
  const lineIds = r ? [...new Set([...r.a.lines, ...r.b.lines].map((l) => l.lineId))] : [];
  const amount = (s: Reconstruction['a'], id: string) => s.lines.filter((l) => l.lineId === id).reduce((n, l) => n + l.amountMinor, 0);
  const currency = (id: string) => [...(r?.a.lines ?? []), ...(r?.b.lines ?? [])].find((l) => l.lineId === id)?.currency ?? '';
  return (
    <div>
      <header class="page-head"><h1>Dispute {shortId(disputeId)}</h1>{d && <span class={`status status-${d.status}`}>{d.status}</span>}</header>
      {done && <p class="ok" role="status" data-testid="dispute-done">{resolvedText(done)}</p>}
      <ErrorBox error={review.error} />
      <Loading when={review.loading && !review.data} />
      {d && r && (
        <>
          <dl class="facts">
            <div><dt>Person</dt><dd><a href={`${href('commission', d.userId)}?period=${d.period}`}>{d.userId}</a> · {d.period}</dd></div>
            <div><dt>Line</dt><dd><code>{d.lineId}</code></dd></div>
            <div><dt>Raised</dt><dd>{d.raised.actorId} · {when(d.raised.recordedAt)}</dd></div>
            <div><dt>Claim</dt><dd>{d.claim}</dd></div>
            {d.resolution && <div><dt>Resolution</dt><dd>{d.resolution.approverId}{d.resolution.secondApproverId ? `, approved by ${d.resolution.secondApproverId}` : ''}: {d.resolution.reason}</dd></div>}
            {d.approvals?.filter((a) => a.step === 'sent-back').map((a) => (
              <div key={a.ref.eventId}><dt>Sent back</dt><dd>{a.by} · {when(a.ref.recordedAt)}: {a.reason}</dd></div>
            ))}
          </dl>
          <Section title="As known at close vs as known now">
            <p class="muted">At close: {when(r.knownAtA)} · now: {when(r.knownAtB)} · difference {r.totalDifference.map((t) => money(t.deltaMinor, t.currency)).join(', ') || 'none'}</p>
            <Table head={['Line', 'At close', 'Now', 'Difference']} label="Lines at close and now">
              {lineIds.map((id) => {
                const a = amount(r.a, id);
                const b = amount(r.b, id);
                return (
                  <tr key={id} class={a !== b ? 'changed' : undefined} data-testid="recon-line">
                    <td><code>{id}</code>{id === d.lineId ? <strong> ← disputed</strong> : null}</td>
                    <td class="num">{money(a, currency(id))}</td><td class="num">{money(b, currency(id))}</td><td class="num">{a !== b ? money(b - a, currency(id)) : '—'}</td>
                  </tr>
                );
              })}
            </Table>
            {r.differences.map((x) => <p key={x.lineId} class="arithmetic"><code>{x.lineId}</code>: {x.arithmetic}</p>)}
          </Section>
          <Section title="Events that differ">
            {r.causes.length ? <EventRefs events={r.causes} label="Events recorded between the close and now" /> : <p class="muted">No event recorded since the close changes this statement.</p>}
          </Section>
          {proposal && <Section title="Waiting for a second approval"><SecondApproval dispute={d} step={proposal} me={me} onDone={setDone} /></Section>}
          {d.status === 'open' && me.roles.includes('finance') && (
            <Section title="Resolve"><Resolve dispute={d} recon={r} onDone={setDone} /></Section>
          )}
        </>
      )}
    </div>
  );
}
