import { useState } from 'preact/hooks';
import { api } from '../api';
import { Line, PendingPay, Statement } from '../commission-types';
import { EventRefs } from '../components/events';
import { ErrorBox, Loading, Section, Table } from '../components/ui';
import { bp, day, money, quarterOf, shiftQuarter, shortId, when } from '../format';
import { closedText, lateFactText, priorPeriodFigures } from '../period-model';
import { useApi } from '../hooks';
import { href } from '../router';
import { Me } from '../me';

interface Estimate {
  readonly lines: readonly { dealId: string; stageId: string; probabilityBp: number; creditMinor: number; estimateMinor: number; currency: string; arithmetic: string }[];
  readonly totals: readonly { currency: string; estimateMinor: number }[];
}

/** On a prior-period line: the closed period, what it paid, the figure as known now, and the facts recorded after its close. */
function PriorPeriodDetail({ line }: { line: Line }) {
  const prior = line.lineage.priorPeriod;
  if (!prior) return null;
  const late = line.lineage.events.filter((e) => e.role === 'late-fact');
  const short = (id: string) => (line.lineage.dealId ? id.replace(line.lineage.dealId, shortId(line.lineage.dealId)) : id);
  return (
    <div class="prior-period" data-testid="prior-period">
      <dl class="facts">
        {priorPeriodFigures({ ...prior, lineId: short(prior.lineId) }, line.currency).map((f) => <div key={f.label}><dt>{f.label}</dt><dd>{f.value}</dd></div>)}
      </dl>
      {late.length > 0 && (
        <dl class="facts"><div><dt>Recorded after the close</dt><dd><ul class="history">{late.map((e) => <li key={e.eventId}>{lateFactText(e)}</li>)}</ul></dd></div></dl>
      )}
    </div>
  );
}

function Lineage({ line }: { line: Line }) {
  const l = line.lineage;
  return (
    <div class="lineage" data-testid="lineage">
      <PriorPeriodDetail line={line} />
      <dl class="facts">
        {l.dealId && <div><dt>Deal</dt><dd><a href={href('deal', l.dealId)}>{shortId(l.dealId)}</a></dd></div>}
        {l.split && <div><dt>Split in force</dt><dd>{bp(l.split.shareBp)} {l.split.creditType} <small class="muted">({l.split.source}, #{l.split.position})</small></dd></div>}
        {l.plan && <div><dt>Plan</dt><dd>{l.plan.name} <small class="muted">v{l.plan.version}</small></dd></div>}
        <div><dt>Rule</dt><dd><code>{l.rule}</code></dd></div>
      </dl>
      <p class="arithmetic" data-testid="arithmetic">{l.arithmetic}</p>
      <EventRefs events={l.events} label={`Events behind ${line.lineId}`} />
    </div>
  );
}

/** Raises a dispute on one line (the person or their manager): POST /commission/disputes. */
function DisputeForm({ line, statement, onDone }: { line: Line; statement: Statement; onDone: () => void }) {
  const [claim, setClaim] = useState('');
  const [error, setError] = useState<Error>();
  const [raised, setRaised] = useState<string>();
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const body = { userId: statement.userId, period: statement.period, lineId: line.lineId, claim, ...(line.lineage.dealId ? { dealId: line.lineage.dealId } : {}) };
      const answer = await api<{ id?: string; dealId?: string }>('/commission/disputes', { method: 'POST', body });
      setRaised(answer.id ?? answer.dealId);
    } catch (err) {
      setError(err as Error);
    }
  };
  if (raised) return <p class="ok" role="status">Dispute raised: <a href={href('disputes', raised)}>{shortId(raised)}</a> <button class="link" onClick={onDone}>close</button></p>;
  return (
    <form class="dispute-form" onSubmit={submit}>
      <label for={`claim-${line.lineId}`}>What is wrong with this line?</label>
      <textarea id={`claim-${line.lineId}`} rows={3} value={claim} onInput={(e) => setClaim((e.target as HTMLTextAreaElement).value)} />
      <ErrorBox error={error} />
      <button type="submit" disabled={!claim.trim()}>Raise dispute</button> <button type="button" class="link" onClick={onDone}>cancel</button>
    </form>
  );
}

function LineRow({ line, statement, canDispute }: { line: Line; statement: Statement; canDispute: boolean }) {
  const [open, setOpen] = useState<'lineage' | 'dispute' | undefined>();
  return (
    <>
      <tr data-testid="statement-line" data-line-id={line.lineId}>
        <td><code>{line.lineId.replace(line.lineage.dealId ?? '\0', shortId(line.lineage.dealId ?? ''))}</code>{line.dealName ? <><br /><small class="muted">{line.dealName}</small></> : null}</td>
        <td>{line.kind === 'prior-period' && line.lineage.priorPeriod ? `correction of ${line.lineage.priorPeriod.period}` : line.kind}</td>
        <td class="num">{money(line.amountMinor, line.currency)}</td>
        <td>{when(line.dueAt)}</td>
        <td class="actions">
          <button class="link" aria-expanded={open === 'lineage'} onClick={() => setOpen(open === 'lineage' ? undefined : 'lineage')}>Lineage</button>
          {canDispute && <button class="link" onClick={() => setOpen(open === 'dispute' ? undefined : 'dispute')}>Dispute</button>}
        </td>
      </tr>
      {open && (
        <tr class="detail"><td colSpan={5}>
          {open === 'lineage' ? <Lineage line={line} /> : <DisputeForm line={line} statement={statement} onDone={() => setOpen(undefined)} />}
        </td></tr>
      )}
    </>
  );
}

/** Earned by the quarter's end but not payable yet: what, how much, what it waits for. */
function Pending({ pending }: { pending: readonly PendingPay[] }) {
  return (
    <Table head={['Deal', 'Amount', 'Waits for', 'Earned']} label="Pending pay" stack>
      {pending.map((p) => (
        <tr key={p.dealId} data-testid="pending-pay">
          <td><a href={href('deal', p.dealId)}>{p.dealName ?? shortId(p.dealId)}</a>{p.planName ? <><br /><small class="muted">{p.planName}</small></> : null}</td>
          <td class="num">{money(p.amountMinor, p.currency)}</td>
          <td>{p.waitsFor}{p.payableAt ? <small class="muted"> (payable from {day(p.payableAt)})</small> : null}</td>
          <td>{when(p.earnedAt)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** A person's statement for a quarter, every line with its lineage, and the estimate on open deals. */
export function CommissionPage({ me, personId, period }: { me: Me; personId: string; period?: string }) {
  const quarter = period ?? quarterOf(new Date());
  const person = encodeURIComponent(personId);
  const statement = useApi<{ result: Statement }>(`/commission/statements/${person}?period=${quarter}`);
  const estimate = useApi<{ result: Estimate }>(`/commission/statements/${person}/estimate`);
  const [who, setWho] = useState(personId);
  const go = (p: string, q: string) => (location.hash = `${href('commission', p)}?period=${q}`);
  const s = statement.data?.result;
  const canDispute = personId === me.userId || me.roles.includes('manager');
  return (
    <div>
      <header class="page-head">
        <h1>Commission · {personId}</h1>
        <span class="pager">
          <button class="link" onClick={() => go(personId, shiftQuarter(quarter, -1))} aria-label="previous quarter">◀</button>
          <strong data-testid="period">{quarter}</strong>
          <button class="link" onClick={() => go(personId, shiftQuarter(quarter, 1))} aria-label="next quarter">▶</button>
        </span>
        <form class="inline" onSubmit={(e) => { e.preventDefault(); go(who.trim() || me.userId, quarter); }}>
          <input aria-label="person" value={who} size={14} onInput={(e) => setWho((e.target as HTMLInputElement).value)} />
          <button type="submit">Open</button>
        </form>
      </header>
      <Section title="Statement">
        <ErrorBox error={statement.error} />
        <Loading when={statement.loading && !s} />
        {s && (
          <>
            {s.closed && <p class="closed-banner" data-testid="statement-closed">{closedText(s.closed)}</p>}
            <p data-testid="statement-total">
              {s.totals.length ? s.totals.map((t) => <strong key={t.currency}>{money(t.totalMinor, t.currency)} </strong>) : 'Nothing payable in this quarter.'}
              <small class="muted"> {s.lines.length} lines</small>
            </p>
            {s.lines.length > 0 && (
              <Table head={['Line', 'Kind', 'Amount', 'Due', '']} label="Statement lines" stack>
                {s.lines.map((l) => <LineRow key={l.lineId} line={l} statement={s} canDispute={canDispute} />)}
              </Table>
            )}
            {s.pending && s.pending.length > 0 && (
              <>
                <h3>Earned, not payable yet <small class="muted">(not in the total)</small></h3>
                <Pending pending={s.pending} />
              </>
            )}
            {s.notes.length > 0 && <ul class="notes">{s.notes.map((n, i) => <li key={i}>{n.dealId ? <a href={href('deal', n.dealId)}>{shortId(n.dealId)}</a> : null} {n.problem}</li>)}</ul>}
          </>
        )}
      </Section>
      <Section title="Estimate on open deals">
        <ErrorBox error={estimate.error} />
        {estimate.data && (
          <>
            <p>{estimate.data.result.totals.map((t) => <strong key={t.currency}>{money(t.estimateMinor, t.currency)} </strong>)}<small class="muted"> estimated, weighted by each stage's win probability</small></p>
            <Table head={['Deal', 'Stage', 'Estimate', 'How']} label="Estimate lines" stack>
              {estimate.data.result.lines.map((l) => (
                <tr key={l.dealId}><td><a href={href('deal', l.dealId)}>{shortId(l.dealId)}</a></td><td>{l.stageId}</td><td class="num">{money(l.estimateMinor, l.currency)}</td><td><small>{l.arithmetic}</small></td></tr>
              ))}
            </Table>
          </>
        )}
      </Section>
    </div>
  );
}
