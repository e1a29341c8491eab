import { useState } from 'preact/hooks';
import { personText } from '../commission-model';
import { Payee } from '../commission-types';
import { PerCurrency } from '../components/per-currency';
import { ErrorBox, Loading, Table } from '../components/ui';
import { download } from '../download';
import { amountOnly, money, quarterOf, shiftQuarter } from '../format';
import { useApi } from '../hooks';
import { href } from '../router';

/** Exports every statement line of the quarter as CSV (`GET /commission/periods/:period/statements.csv`). */
function ExportButton({ quarter }: { quarter: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await download(`/commission/periods/${quarter}/statements.csv`, `statements-${quarter}.csv`);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span>
      <button type="button" onClick={run} disabled={busy}>Export statements (CSV)</button>
      <ErrorBox error={error} />
    </span>
  );
}

/** Finance, sales-ops and admins: everyone paid or on a plan in a quarter, with their totals per currency, to open one. */
export function PayeesPage({ period }: { period?: string }) {
  const quarter = period ?? quarterOf(new Date());
  const list = useApi<{ result: readonly Payee[] }>(`/commission/periods/${quarter}/payees`);
  const go = (q: string) => (location.hash = `${href('commission')}?period=${q}`);
  const payees = list.data?.result ?? [];
  return (
    <div>
      <header class="page-head">
        <h1>Commission · payees</h1>
        <span class="pager">
          <button class="link" onClick={() => go(shiftQuarter(quarter, -1))} aria-label="previous quarter">◀</button>
          <strong data-testid="period">{quarter}</strong>
          <button class="link" onClick={() => go(shiftQuarter(quarter, 1))} aria-label="next quarter">▶</button>
        </span>
        <ExportButton quarter={quarter} />
      </header>
      <ErrorBox error={list.error} />
      <Loading when={list.loading && !list.data} />
      {list.data && (payees.length === 0 ? <p class="muted">Nobody is on a plan or has statement lines in {quarter}.</p> : (
        <Table head={['Person', 'Lines', 'Total']} label={`Payees of ${quarter}`} stack>
          {payees.map((p) => (
            <tr key={p.userId} data-testid="payee" data-user-id={p.userId}>
              <td data-label="Person"><a href={`${href('commission', p.userId)}?period=${quarter}`}>{personText(p)}</a>{p.assigned ? null : <><br /><small class="muted">no plan in {quarter}</small></>}</td>
              <td data-label="Lines">{p.lines}</td>
              <td data-label="Total">
                <PerCurrency label={`${p.userId}: total per currency`} empty="nothing payable"
                  figures={p.totals.map((t) => ({ currency: t.currency, amount: amountOnly(t.totalMinor, t.currency), title: money(t.totalMinor, t.currency) }))} />
              </td>
            </tr>
          ))}
        </Table>
      ))}
    </div>
  );
}
