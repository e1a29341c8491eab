import { useEffect, useRef, useState } from 'preact/hooks';
import { api, readAfter } from '../api';
import { changedLines, commissionReload, viewOf } from '../commission-live-model';
import { lineTitle, personText, planOf } from '../commission-model';
import { Line, Payee, PendingPay, Statement } from '../commission-types';
import { Lineage } from '../components/lineage';
import { PerCurrency } from '../components/per-currency';
import { QuotaStanding } from '../components/quota-standing';
import { ErrorBox, LiveBadge, Loading, Section, Table } from '../components/ui';
import { amountOnly, day, money, quarterOf, shiftQuarter, shortId, when } from '../format';
import { closedText } from '../period-model';
import { useApi, useLiveFeed } from '../hooks';
import { href } from '../router';
import { Me } from '../me';

interface Estimate {
  readonly lines: readonly {
    dealId: string; dealName?: string; planName?: string; stageId: string; probabilityBp: number; creditMinor: number; estimateMinor: number; currency: string; arithmetic: string;
  }[];
  readonly totals: readonly { currency: string; estimateMinor: number }[];
}

/** Finance, sales-ops and admins read everyone's statements: they pick a payee instead of typing an id. */
export const readsEveryStatement = (me: Me): boolean => me.roles.some((r) => r === 'finance' || r === 'sales-ops' || r === 'admin');

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

function LineRow({ line, statement, canDispute, fresh }: { line: Line; statement: Statement; canDispute: boolean; fresh: boolean }) {
  const [open, setOpen] = useState<'lineage' | 'dispute' | undefined>();
  return (
    <>
      <tr data-testid="statement-line" data-line-id={line.lineId} class={fresh ? 'flash' : undefined} data-fresh={fresh ? 'true' : undefined}>
        <td data-label="Line" title={line.lineId}><strong>{lineTitle(line)}</strong>{planOf(line) ? <><br /><small class="muted">{planOf(line)}</small></> : null}</td>
        <td data-label="Amount" class="num">{money(line.amountMinor, line.currency)}</td>
        <td data-label="Due">{when(line.dueAt)}</td>
        <td class="actions">
          <button class="link" aria-expanded={open === 'lineage'} onClick={() => setOpen(open === 'lineage' ? undefined : 'lineage')}>Lineage</button>
          {canDispute && <button class="link" onClick={() => setOpen(open === 'dispute' ? undefined : 'dispute')}>Dispute</button>}
        </td>
      </tr>
      {open && (
        <tr class="detail"><td colSpan={4}>
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
          <td data-label="Deal"><a href={href('deal', p.dealId)}>{p.dealName ?? shortId(p.dealId)}</a>{p.planName ? <><br /><small class="muted">{p.planName}</small></> : null}</td>
          <td class="num">{money(p.amountMinor, p.currency)}</td>
          <td>{p.waitsFor}{p.payableAt ? <small class="muted"> (payable from {day(p.payableAt)})</small> : null}</td>
          <td>{when(p.earnedAt)}</td>
        </tr>
      ))}
    </Table>
  );
}

const totalsOf = (totals: readonly { currency: string; minor: number }[]) =>
  totals.map((t) => ({ currency: t.currency, amount: amountOnly(t.minor, t.currency), title: money(t.minor, t.currency) }));

/** Finance, sales-ops and admins pick whose statement to read from the payees of the quarter; others may type a person. */
function PersonPicker({ me, personId, quarter, go }: { me: Me; personId: string; quarter: string; go: (person: string, period: string) => void }) {
  const [who, setWho] = useState(personId);
  const payees = useApi<{ result: readonly Payee[] }>(readsEveryStatement(me) ? `/commission/periods/${quarter}/payees` : undefined);
  if (readsEveryStatement(me)) {
    const list = payees.data?.result ?? [];
    const options = list.some((p) => p.userId === personId) ? list : [{ userId: personId, totals: [], lines: 0, assigned: false }, ...list];
    return (
      <span class="inline person-picker">
        <label class="inline" for="payee">Payee</label>
        <select id="payee" value={personId} onChange={(e) => go((e.target as HTMLSelectElement).value, quarter)}>
          {options.map((p) => <option key={p.userId} value={p.userId}>{personText(p)}</option>)}
        </select>
        <a href={`${href('commission')}?period=${quarter}`}>All payees of {quarter}</a>
      </span>
    );
  }
  return (
    <form class="inline" onSubmit={(e) => { e.preventDefault(); go(who.trim() || me.userId, quarter); }}>
      <label class="inline" for="person">Person</label>
      <input id="person" value={who} size={14} onInput={(e) => setWho((e.target as HTMLInputElement).value)} />
      <button type="submit">Open</button>
    </form>
  );
}

const FLASH_MS = 4000;
/** Finance, sales-ops and admins may follow commission facts too (a dispute's adjustment, a period closed); others deal-summary only. */
const FEEDS = { everyone: ['deal-summary'], allStatements: ['deal-summary', 'commission-facts'] } as const;

/** What a live reload brought: the statement's new or changed lines, and which answers changed. */
interface Fresh { readonly lines: ReadonlySet<string>; readonly statement: boolean; readonly estimate: boolean }

type Parts = { statement: boolean; estimate: boolean };

/**
 * What a live reload changed, fresh for a few seconds: `awaiting` says which answers a live change
 * asked for again; the next answer of each is compared with the one shown before.
 */
function useFresh(statement: Statement | undefined, estimate: Estimate | undefined, awaiting: { current: Parts }): Fresh | undefined {
  const [fresh, setFresh] = useState<Fresh>();
  const shown = useRef<{ statement?: Statement; estimate?: Estimate }>({});
  useEffect(() => {
    const before = shown.current;
    shown.current = { statement, estimate };
    const statementChanged = awaiting.current.statement && !!before.statement && !!statement && statement !== before.statement;
    const estimateChanged = awaiting.current.estimate && !!before.estimate && !!estimate && estimate !== before.estimate;
    if (!statementChanged && !estimateChanged) return;
    awaiting.current = { statement: awaiting.current.statement && !statementChanged, estimate: awaiting.current.estimate && !estimateChanged };
    const lines = statementChanged ? [...changedLines(before.statement!.lines, statement!.lines)] : [];
    // The statement and the estimate answer one after the other: the second adds to the first.
    setFresh((f) => ({ lines: new Set([...(f?.lines ?? []), ...lines]), statement: !!f?.statement || statementChanged, estimate: !!f?.estimate || estimateChanged }));
  }, [statement, estimate]);
  useEffect(() => {
    if (!fresh) return;
    const timer = setTimeout(() => setFresh(undefined), FLASH_MS);
    return () => clearTimeout(timer);
  }, [fresh]);
  return fresh;
}

/** A subtle mark beside a section's title while a live change is fresh; a status, so screen readers say it once. */
function Updated({ when }: { when: boolean }) {
  return <span class="updated" role="status" data-testid="updated">{when ? 'updated' : ''}</span>;
}

/**
 * A person's statement for a quarter, every line with its lineage, and the estimate on open
 * deals. Live: when the feed brings a change to this person's pay (commissionReload), the answer
 * it alters is read again at the change's position, so it holds the change. Positions only grow,
 * so one change is never read twice, and a read brings no change: it cannot loop.
 */
export function CommissionPage({ me, personId, period }: { me: Me; personId: string; period?: string }) {
  const quarter = period ?? quarterOf(new Date());
  const person = encodeURIComponent(personId);
  const [at, setAt] = useState({ statement: 0, estimate: 0 });
  const statement = useApi<{ result: Statement }>(readAfter(`/commission/statements/${person}?period=${quarter}`, at.statement || undefined));
  const estimate = useApi<{ result: Estimate }>(readAfter(`/commission/statements/${person}/estimate`, at.estimate || undefined));
  const go = (p: string, q: string) => (location.hash = `${href('commission', p)}?period=${q}`);
  const s = statement.data?.result;
  const e = estimate.data?.result;
  const view = viewOf(personId, quarter, s?.lines ?? [], [...(s?.pending ?? []).map((p) => p.dealId), ...(e?.lines ?? []).map((l) => l.dealId)]);
  const awaiting = useRef<Parts>({ statement: false, estimate: false });
  // Another person or quarter: what was awaited for the one before is no longer to highlight.
  useEffect(() => { awaiting.current = { statement: false, estimate: false }; }, [personId, quarter]);
  const status = useLiveFeed(readsEveryStatement(me) ? FEEDS.allStatements : FEEDS.everyone, (change) => {
    const reload = commissionReload(change, view);
    if (!reload) return;
    const grows = (part: keyof Parts) => reload[part] && change.position > at[part];
    if (!grows('statement') && !grows('estimate')) return;
    awaiting.current = { statement: awaiting.current.statement || grows('statement'), estimate: awaiting.current.estimate || grows('estimate') };
    setAt((a) => ({
      statement: reload.statement ? Math.max(a.statement, change.position) : a.statement,
      estimate: reload.estimate ? Math.max(a.estimate, change.position) : a.estimate,
    }));
  });
  const fresh = useFresh(s, e, awaiting);
  const canDispute = personId === me.userId || me.roles.includes('manager');
  return (
    <div>
      <header class="page-head">
        <h1>Commission · {personId}</h1>
        <LiveBadge status={status} title="Updates when one of this person's deals or commission facts change" />
        <span class="pager">
          <button class="link" onClick={() => go(personId, shiftQuarter(quarter, -1))} aria-label="previous quarter">◀</button>
          <strong data-testid="period">{quarter}</strong>
          <button class="link" onClick={() => go(personId, shiftQuarter(quarter, 1))} aria-label="next quarter">▶</button>
        </span>
        <PersonPicker key={`${personId}/${quarter}`} me={me} personId={personId} quarter={quarter} go={go} />
      </header>
      <Section title="Statement" actions={<Updated when={!!fresh?.statement} />}>
        <ErrorBox error={statement.error} />
        <Loading when={statement.loading && !s} />
        {s && (
          <>
            {s.closed && <p class="closed-banner" data-testid="statement-closed">{closedText(s.closed)}</p>}
            <div class="statement-total" data-testid="statement-total">
              <PerCurrency label="Total per currency" empty="Nothing payable in this quarter." figures={totalsOf(s.totals.map((t) => ({ currency: t.currency, minor: t.totalMinor })))} />
              <small class="muted">{s.lines.length} lines</small>
            </div>
            {s.lines.length > 0 && (
              <Table head={['Line', 'Amount', 'Due', '']} label="Statement lines" stack>
                {s.lines.map((l) => <LineRow key={l.lineId} line={l} statement={s} canDispute={canDispute} fresh={!!fresh?.lines.has(l.lineId)} />)}
              </Table>
            )}
            {s.pending && s.pending.length > 0 && (
              <>
                <h3>Earned, not payable yet <small class="muted">(not in the total)</small></h3>
                <Pending pending={s.pending} />
              </>
            )}
            {s.notes.length > 0 && (
              <ul class="notes">
                {s.notes.map((n, i) => <li key={i}>{n.dealId ? <a href={href('deal', n.dealId)}>{n.dealName ?? shortId(n.dealId)}</a> : null} {n.problem}</li>)}
              </ul>
            )}
          </>
        )}
      </Section>
      <QuotaStanding period={quarter} userId={personId} />
      <Section title="Estimate on open deals" actions={<Updated when={!!fresh?.estimate} />}>
        <ErrorBox error={estimate.error} />
        {estimate.data && (
          <>
            <div class="statement-total">
              <PerCurrency label="Estimate per currency" empty="No open deals to estimate." figures={totalsOf(estimate.data.result.totals.map((t) => ({ currency: t.currency, minor: t.estimateMinor })))} />
              <small class="muted">estimated, weighted by each stage's win probability</small>
            </div>
            <Table head={['Deal', 'Stage', 'Estimate', 'How']} label="Estimate lines" stack>
              {estimate.data.result.lines.map((l) => (
                <tr key={l.dealId} data-testid="estimate-line">
                  <td data-label="Deal"><a href={href('deal', l.dealId)}>{l.dealName ?? shortId(l.dealId)}</a>{l.planName ? <><br /><small class="muted">{l.planName}</small></> : null}</td>
                  <td data-label="Stage">{l.stageId}</td><td data-label="Estimate" class="num">{money(l.estimateMinor, l.currency)}</td><td data-label="How"><small>{l.arithmetic}</small></td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </Section>
    </div>
  );
}
