import { useState } from 'preact/hooks';
import { CommandAnswer, readAfter } from '../api';
import { lineTitle } from '../commission-model';
import { Adjustment, ApprovalStep, Dispute, Line, Reconstruction } from '../commission-types';
import { adjustmentProblems, AdjustmentRow, adjustmentsBody, initialAdjustments } from '../dispute-model';
import { EventRefs } from '../components/events';
import { Lineage } from '../components/lineage';
import { ErrorBox, Loading, Section, Table } from '../components/ui';
import { money, shiftQuarter, shortId, when } from '../format';
import { useApi, useCommand } from '../hooks';
import { href } from '../router';
import { Me } from '../me';

type Filter = 'open' | 'awaiting-approval' | '';

/** The dispute queue: every dispute for finance, sales-ops and admin; for anyone else those they may open (a manager's reports'). */
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
        <Table head={['Raised', 'Person', 'Period', 'Line', 'Claim', 'Status']} label="Disputes" stack>
          {list.data.result.map((d) => (
            <tr key={d.disputeId} data-testid="dispute-row">
              <td data-label="Raised"><a href={href('disputes', d.disputeId)}>{when(d.raised.recordedAt)}</a></td>
              <td data-label="Person">{d.userId}</td><td data-label="Period">{d.period}</td>
              <td data-label="Line" title={d.lineId}>{d.dealName ?? <code>{d.lineId}</code>}</td>
              <td data-label="Claim">{d.claim}</td><td data-label="Status"><span class={`status status-${d.status}`}>{d.status}</span></td>
            </tr>
          ))}
        </Table>
      ))}
    </div>
  );
}

/** One adjustment of the form, each field with its visible label. */
function AdjustmentFields({ row, index, onChange, onRemove }: { row: AdjustmentRow; index: number; onChange: (field: keyof AdjustmentRow, value: string) => void; onRemove: () => void }) {
  const field = (name: keyof AdjustmentRow, label: string, size: number, extra: Record<string, string> = {}) => (
    <span class="field">
      <label for={`adjustment-${index}-${name}`}>{label}</label>
      <input id={`adjustment-${index}-${name}`} value={row[name]} size={size} {...extra} onInput={(e) => onChange(name, (e.target as HTMLInputElement).value)} />
    </span>
  );
  return (
    <fieldset class="adjustment" data-testid="adjustment">
      <legend>Adjustment {index + 1}</legend>
      {field('userId', 'Person', 14)}
      {field('period', 'Period', 8, { placeholder: '2026-Q2' })}
      {field('amount', 'Amount', 10, { inputMode: 'decimal', placeholder: '-45.50' })}
      {field('currency', 'Currency', 4)}
      <button type="button" class="link" onClick={onRemove}>remove</button>
    </fieldset>
  );
}

/** Finance resolves: accept with adjustment lines (in the period they choose), or reject with a reason. */
function Resolve({ dispute, recon, onDone }: { dispute: Dispute; recon: Reconstruction; onDone: (answer: CommandAnswer) => void }) {
  const [decision, setDecision] = useState<'accept' | 'reject'>('accept');
  const [reason, setReason] = useState('');
  const [rows, setRows] = useState<AdjustmentRow[]>(() => initialAdjustments(dispute, recon));
  const { busy, error, send } = useCommand();
  const set = (i: number, field: keyof AdjustmentRow, value: string) => setRows(rows.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  const problems = decision === 'accept' ? adjustmentProblems(rows) : [];
  const submit = async (e: Event) => {
    e.preventDefault();
    if (problems.length) return;
    const answer = await send(`/commission/disputes/${dispute.disputeId}/resolution`, { decision, reason, ...(decision === 'accept' ? { adjustments: adjustmentsBody(rows) } : {}) });
    if (answer) onDone(answer);
  };
  return (
    <form class="resolve" onSubmit={submit}>
      <fieldset class="inline">
        <legend class="visually-hidden">Decision</legend>
        <label><input type="radio" name="decision" checked={decision === 'accept'} onChange={() => setDecision('accept')} /> Accept with adjustments</label>
        <label><input type="radio" name="decision" checked={decision === 'reject'} onChange={() => setDecision('reject')} /> Reject</label>
      </fieldset>
      {decision === 'accept' && rows.map((r, i) => (
        <AdjustmentFields key={i} row={r} index={i} onChange={(field, value) => set(i, field, value)} onRemove={() => setRows(rows.filter((_, j) => j !== i))} />
      ))}
      {decision === 'accept' && <button type="button" class="link" onClick={() => setRows([...rows, { userId: '', period: shiftQuarter(dispute.period, 1), amount: '', currency: rows[0]?.currency ?? 'EUR' }])}>+ adjustment</button>}
      {problems.length > 0 && <ul class="problems" data-testid="form-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
      <label for="reason">Reason</label>
      <textarea id="reason" rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
      <ErrorBox error={error} />
      <button type="submit" disabled={busy || !reason.trim() || problems.length > 0}>{decision === 'accept' ? 'Accept and adjust' : 'Reject'}</button>
    </form>
  );
}

/** What an accepted dispute paid: its adjustment lines, each in its period's statement. */
function Adjustments({ adjustments, title }: { adjustments: readonly Adjustment[]; title: string }) {
  return (
    <Table head={['Person', 'Period', 'Amount', 'Reason']} label={title} stack>
      {adjustments.map((a, i) => (
        <tr key={a.adjustmentId ?? i} data-testid="adjustment-line">
          <td data-label="Person">{a.userId}</td>
          <td data-label="Period"><a href={`${href('commission', a.userId)}?period=${a.period}`}>{a.period}</a></td>
          <td data-label="Amount" class="num">{money(a.amountMinor, a.currency)}</td><td data-label="Reason">{a.reason ?? ''}</td>
        </tr>
      ))}
    </Table>
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
      {adjustments.length > 0 && <Adjustments adjustments={adjustments} title="Proposed adjustments" />}
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
  const lineOf = (id: string): Line | undefined => r?.b.lines.find((l) => l.lineId === id) ?? r?.a.lines.find((l) => l.lineId === id);
  const currency = (id: string) => lineOf(id)?.currency ?? '';
  const disputed = d ? lineOf(d.lineId) : undefined;
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
            <div><dt>Line</dt><dd title={d.lineId} data-testid="disputed-line-name">{disputed ? lineTitle(disputed) : d.dealName ?? <code>{d.lineId}</code>}</dd></div>
            <div><dt>Raised</dt><dd>{d.raised.actorId} · {when(d.raised.recordedAt)}</dd></div>
            <div><dt>Claim</dt><dd>{d.claim}</dd></div>
            {d.resolution && <div><dt>Resolution</dt><dd>{d.resolution.approverId}{d.resolution.secondApproverId ? `, approved by ${d.resolution.secondApproverId}` : ''}: {d.resolution.reason}</dd></div>}
            {d.approvals?.filter((a) => a.step === 'sent-back').map((a) => (
              <div key={a.ref.eventId}><dt>Sent back</dt><dd>{a.by} · {when(a.ref.recordedAt)}: {a.reason}</dd></div>
            ))}
          </dl>
          <Section title="The disputed line">
            {disputed
              ? <Lineage line={disputed} />
              : <p class="muted">The statement of {d.period} has no line <code>{d.lineId}</code>, at the close or now.</p>}
          </Section>
          {d.adjustments.length > 0 && (
            <Section title="Adjustments paid">
              <p class="muted">Each is a line of the person's statement for its period.</p>
              <Adjustments adjustments={d.adjustments} title="Adjustments paid" />
            </Section>
          )}
          <Section title="As known at close vs as known now">
            <p class="muted">At close: {when(r.knownAtA)} · now: {when(r.knownAtB)} · difference {r.totalDifference.map((t) => money(t.deltaMinor, t.currency)).join('; ') || 'none'}</p>
            <Table head={['Line', 'At close', 'Now', 'Difference']} label="Lines at close and now" stack>
              {lineIds.map((id) => {
                const a = amount(r.a, id);
                const b = amount(r.b, id);
                return (
                  <tr key={id} class={a !== b ? 'changed' : undefined} data-testid="recon-line">
                    <td data-label="Line" title={id}>{lineOf(id) ? lineTitle(lineOf(id)!) : <code>{id}</code>}{id === d.lineId ? <strong> ← disputed</strong> : null}</td>
                    <td data-label="At close" class="num">{money(a, currency(id))}</td><td data-label="Now" class="num">{money(b, currency(id))}</td>
                    <td data-label="Difference" class="num">{a !== b ? money(b - a, currency(id)) : '—'}</td>
                  </tr>
                );
              })}
            </Table>
            {r.differences.map((x) => <p key={x.lineId} class="arithmetic">{lineOf(x.lineId) ? lineTitle(lineOf(x.lineId)!) : x.lineId}: {x.arithmetic}</p>)}
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
