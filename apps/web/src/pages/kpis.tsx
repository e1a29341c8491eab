import { ComponentChildren } from 'preact';
import { Columns } from '../components/bars';
import { QuotaStanding } from '../components/quota-standing';
import { ErrorBox, Loading, Section, Table } from '../components/ui';
import { days, money, quarterOf, shortAmount } from '../format';
import { useApi } from '../hooks';
import { growthText, perCurrencyText, Ratio, ratioText, ratioTitle, shiftPeriod } from '../kpis-model';
import { Me } from '../me';
import { href } from '../router';

type Origin = 'all' | 'inbound' | 'outbound' | 'unknown';
interface Figures {
  readonly won: number; readonly lost: number; readonly reversed: number; readonly winRate: Ratio;
  readonly wonAmounts: readonly { currency: string; deals: number; totalMinor: number; averageMinor: number }[];
  readonly salesCycle: { count: number; averageDays: number | null };
  readonly monthlyRevenue: readonly { month: string; revenue: readonly { currency: string; wonMinor: number; growth: Ratio }[] }[];
  readonly leadConversion: { firstContacted: number; won: number; rate: Ratio };
  readonly churnAfterGoLive: { live: number; churned: number; rate: Ratio };
  readonly meetings: number;
}
type Row = { readonly key: string; readonly origins: readonly { origin: Origin; figures: Figures }[] };
interface Kpis { readonly rows: readonly Row[]; readonly total: Row['origins'] }

export interface KpiChoices {
  readonly period: string;
  readonly groupBy: 'rep' | 'team';
  readonly origin: Origin;
  readonly outcomesAsOf: 'now' | 'period-end';
  readonly meetings: 'demos-attended' | 'first-meetings';
}

const DEFAULTS: Omit<KpiChoices, 'period'> = { groupBy: 'rep', origin: 'all', outcomesAsOf: 'now', meetings: 'demos-attended' };

/** The page's choices from its address (`#/kpis?period=2026-Q1&groupBy=team…`). */
export function kpiChoices(query: URLSearchParams, now = new Date()): KpiChoices {
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => (allowed as readonly string[]).includes(query.get(name) ?? '') ? query.get(name) as T : fallback;
  const period = query.get('period') ?? '';
  return {
    period: /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(period) ? period : quarterOf(now),
    groupBy: pick('groupBy', ['rep', 'team'], DEFAULTS.groupBy),
    origin: pick('origin', ['all', 'inbound', 'outbound', 'unknown'], DEFAULTS.origin),
    outcomesAsOf: pick('outcomesAsOf', ['now', 'period-end'], DEFAULTS.outcomesAsOf),
    meetings: pick('meetings', ['demos-attended', 'first-meetings'], DEFAULTS.meetings),
  };
}

const queryOf = (c: KpiChoices) => `period=${c.period}&groupBy=${c.groupBy}&origin=${c.origin}&outcomesAsOf=${c.outcomesAsOf}&meetings=${c.meetings}`;

function Select<T extends string>({ id, label, value, options, onChange }: { id: string; label: string; value: T; options: readonly [T, string][]; onChange: (v: T) => void }) {
  return (
    <span>
      <label class="inline" for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value as T)}>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </span>
  );
}

function KpiRow({ label, figures }: { label: ComponentChildren; figures: Figures }) {
  const f = figures;
  return (
    <tr data-testid="kpi-row">
      <td data-label="Who">{label}</td>
      <td data-label="Win rate" title={`${ratioTitle(f.winRate)} (won ÷ won + lost); ${f.reversed} reversed`}>{ratioText(f.winRate)} <small class="muted">{f.won}/{f.won + f.lost}</small></td>
      <td data-label="Won">{perCurrencyText(f.wonAmounts.map((a) => ({ currency: a.currency, minor: a.totalMinor })))}</td>
      <td data-label="Average deal">{perCurrencyText(f.wonAmounts.map((a) => ({ currency: a.currency, minor: a.averageMinor })))}</td>
      <td data-label="Lead conversion" title={`${ratioTitle(f.leadConversion.rate)} first contacted in the period won`}>{ratioText(f.leadConversion.rate)} <small class="muted">{f.leadConversion.won}/{f.leadConversion.firstContacted}</small></td>
      <td data-label="Churn after go-live" title={ratioTitle(f.churnAfterGoLive.rate)}>{ratioText(f.churnAfterGoLive.rate)} <small class="muted">{f.churnAfterGoLive.churned}/{f.churnAfterGoLive.live}</small></td>
      <td data-label="Meetings" class="num">{f.meetings}</td>
      <td data-label="Sales cycle">{f.salesCycle.count ? days(f.salesCycle.averageDays) : '—'}</td>
    </tr>
  );
}

/** Closed-won revenue per month of the period, one chart per currency (never added together). */
function MonthlyRevenue({ figures }: { figures: Figures }) {
  const currencies = [...new Set(figures.monthlyRevenue.flatMap((m) => m.revenue.map((r) => r.currency)))].sort();
  if (currencies.length === 0) return <p class="muted">No revenue won in the period or the month before it.</p>;
  return (
    <div class="two">
      {currencies.map((currency) => {
        const bars = figures.monthlyRevenue.map((m) => {
          const r = m.revenue.find((x) => x.currency === currency);
          return { label: m.month, value: r?.wonMinor ?? 0, text: r ? `${shortAmount(r.wonMinor, currency)} · ${growthText(r.growth)}` : '–' };
        });
        return (
          <div key={currency}>
            <h3>{currency}</h3>
            <Columns bars={bars} label={`Closed-won revenue per month in ${currency}, with growth over the month before`} />
            <p class="muted"><small>{figures.monthlyRevenue.map((m) => {
              const r = m.revenue.find((x) => x.currency === currency);
              return `${m.month}: ${r ? money(r.wonMinor, currency) : '—'}`;
            }).join(' · ')}</small></p>
          </div>
        );
      })}
    </div>
  );
}

/** Sales KPIs per rep or team (GET /reports/kpis), and for a manager their team's quota standing. */
export function KpisPage({ me, query }: { me: Me; query: URLSearchParams }) {
  const choices = kpiChoices(query);
  const answer = useApi<{ result: Kpis }>(`/reports/kpis?${queryOf(choices)}`);
  const go = (change: Partial<KpiChoices>) => (location.hash = `${href('kpis')}?${queryOf({ ...choices, ...change })}`);
  const k = answer.data?.result;
  const figuresOf = (origins: Row['origins']) => origins.find((o) => o.origin === choices.origin)?.figures;
  const total = k && figuresOf(k.total);
  const isQuarter = choices.period.includes('Q');
  return (
    <div>
      <header class="page-head">
        <h1>KPIs</h1>
        <span class="pager">
          <button class="link" onClick={() => go({ period: shiftPeriod(choices.period, -1) })} aria-label="previous period">◀</button>
          <strong data-testid="kpi-period">{choices.period}</strong>
          <button class="link" onClick={() => go({ period: shiftPeriod(choices.period, 1) })} aria-label="next period">▶</button>
          <button class="link" onClick={() => go({ period: isQuarter ? `${choices.period.slice(0, 4)}-${String((Number(choices.period.slice(6)) - 1) * 3 + 1).padStart(2, '0')}` : quarterOf(new Date(`${choices.period}-01T00:00:00Z`)) })}>
            {isQuarter ? 'by month' : 'by quarter'}
          </button>
        </span>
      </header>
      <form class="inline filters" onSubmit={(e) => e.preventDefault()}>
        <Select id="kpi-group" label="Rows" value={choices.groupBy} options={[['rep', 'per rep'], ['team', 'per team']]} onChange={(groupBy) => go({ groupBy })} />
        <Select id="kpi-origin" label="Origin" value={choices.origin} options={[['all', 'all'], ['inbound', 'inbound'], ['outbound', 'outbound'], ['unknown', 'unknown']]} onChange={(origin) => go({ origin })} />
        <Select id="kpi-outcomes" label="Outcomes" value={choices.outcomesAsOf} options={[['now', 'as known now'], ['period-end', 'at the period end']]} onChange={(outcomesAsOf) => go({ outcomesAsOf })} />
        <Select id="kpi-meetings" label="Meetings" value={choices.meetings} options={[['demos-attended', 'demos attended'], ['first-meetings', 'first meetings held']]} onChange={(meetings) => go({ meetings })} />
      </form>
      <Section title={`Per ${choices.groupBy} · ${choices.origin === 'all' ? 'all origins' : choices.origin}`}>
        <ErrorBox error={answer.error} />
        <Loading when={answer.loading && !k} />
        {k && (
          <Table head={['Who', 'Win rate', 'Won', 'Average deal', 'Lead conversion', 'Churn after go-live', 'Meetings', 'Sales cycle']} label="KPIs" stack>
            {k.rows.map((row) => {
              const f = figuresOf(row.origins);
              const label = choices.groupBy === 'rep' ? <a href={href('commission', row.key)}>{row.key}</a> : <span>Team {row.key}</span>;
              return f ? <KpiRow key={row.key} label={label} figures={f} /> : null;
            })}
            {total && k.rows.length > 1 && <KpiRow label={<strong>Together</strong>} figures={total} />}
          </Table>
        )}
        {k && k.rows.length === 0 && <p class="muted">Nothing in this period that you may read.</p>}
        <p class="muted"><small>Definitions: win rate = won ÷ (won + lost) closed in the period; lead conversion = deals first contacted in the period that were won; churn = live deals whose win was reversed in the period. Amounts per currency, never added together.</small></p>
      </Section>
      {total && (
        <Section title="Closed-won revenue per month and growth">
          <MonthlyRevenue figures={total} />
        </Section>
      )}
      {isQuarter && me.roles.includes('manager') && <QuotaStanding period={choices.period} teamId={me.userId} />}
      {isQuarter && me.roles.includes('rep') && !me.roles.includes('manager') && <QuotaStanding period={choices.period} />}
    </div>
  );
}
