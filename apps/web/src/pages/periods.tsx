import { useState } from 'preact/hooks';
import { readAfter } from '../api';
import { ErrorBox, Loading, Table } from '../components/ui';
import { day, when } from '../format';
import { useApi, useCommand } from '../hooks';
import { Me } from '../me';
import { changeText, CommissionPeriod, lastDay, periodActions } from '../period-model';

interface Done { readonly position: number; readonly message: string }

/** Close (after a confirming step) or reopen (with a reason) one quarter. */
function PeriodActions({ p, onDone }: { p: CommissionPeriod; onDone: (d: Done) => void }) {
  const [step, setStep] = useState<'close' | 'reopen'>();
  const [reason, setReason] = useState('');
  const { busy, error, send } = useCommand();
  const actions = periodActions(p);
  const path = `/commission/periods/${encodeURIComponent(p.period)}`;
  const run = async (action: 'close' | 'reopen') => {
    const answer = await send(`${path}/${action}`, action === 'reopen' ? { reason: reason.trim() } : {});
    if (!answer) return;
    setStep(undefined);
    onDone({ position: answer.position, message: `${p.period} ${action === 'close' ? 'closed: its statements are frozen as known now' : 'reopened: its statements read as known now again'}.` });
  };
  return (
    <div class="change-actions">
      {actions.note && <small class="muted">{actions.note}</small>}
      {actions.close && step !== 'close' && <button type="button" onClick={() => setStep('close')}>Close…</button>}
      {actions.reopen && step !== 'reopen' && <button type="button" class="secondary" onClick={() => setStep('reopen')}>Reopen…</button>}
      {step === 'close' && (
        <p>
          Statements of {p.period} will be frozen as known now; later facts are paid in the next open quarter.{' '}
          <button type="button" disabled={busy} onClick={() => run('close')}>Close {p.period}</button>{' '}
          <button type="button" class="link" onClick={() => setStep(undefined)}>cancel</button>
        </p>
      )}
      {step === 'reopen' && (
        <form onSubmit={(e) => { e.preventDefault(); void run('reopen'); }}>
          <label for={`reopen-${p.period}`}>Why reopen {p.period}?</label>
          <textarea id={`reopen-${p.period}`} rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
          <button type="submit" class="danger" disabled={busy || !reason.trim()}>Reopen {p.period}</button>{' '}
          <button type="button" class="link" onClick={() => setStep(undefined)}>cancel</button>
        </form>
      )}
      <ErrorBox error={error} />
    </div>
  );
}

/** Commission periods: which quarters are closed, by whom and when, every close and reopening; finance closes and reopens. */
export function PeriodsPage({ me }: { me: Me }) {
  const [done, setDone] = useState<Done>();
  const list = useApi<{ result: readonly CommissionPeriod[] }>(readAfter('/commission/periods', done?.position));
  const mayAct = me.roles.some((r) => r === 'finance' || r === 'admin');
  const periods = [...(list.data?.result ?? [])].reverse();
  return (
    <div>
      <header class="page-head"><h1>Commission periods</h1></header>
      {done && <p class="ok" role="status" data-testid="period-done">{done.message}</p>}
      <ErrorBox error={list.error} />
      <Loading when={list.loading && !list.data} />
      {list.data && (periods.length === 0 ? <p class="muted">No plan is in force yet, so there is no period.</p> : (
        <Table head={['Quarter', 'Status', 'Closed', 'History', ...(mayAct ? [''] : [])]} label="Commission periods" stack>
          {periods.map((p) => (
            <tr key={p.period} data-testid="period-row" data-period={p.period}>
              <td><strong>{p.period}</strong><br /><small class="muted">{day(p.startsAt)} – {lastDay(p)}</small></td>
              <td><span class={`status status-${p.status}`} data-testid="period-status">{p.status}</span></td>
              <td>{p.closed ? <>{when(p.closed.closedAt)}<br /><small class="muted">by {p.closed.closedBy}</small></> : '—'}</td>
              <td>{p.history.length ? <ul class="history">{p.history.map((c) => <li key={c.ref.eventId}>{changeText(c)}</li>)}</ul> : <span class="muted">never closed</span>}</td>
              {mayAct && <td><PeriodActions p={p} onDone={setDone} /></td>}
            </tr>
          ))}
        </Table>
      ))}
    </div>
  );
}
