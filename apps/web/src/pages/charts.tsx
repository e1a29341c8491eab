import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Bar, BarList, Columns } from '../components/bars';
import { ErrorBox, Loading, Section } from '../components/ui';
import { days } from '../format';
import { useApi } from '../hooks';
import { trailingYear } from '../range-model';

interface Stage { readonly stageId: string; readonly stageName: string }
interface Conversion { readonly left: number; readonly toNextStage: number; readonly won: number; readonly lost: number; readonly rates: { toNextStage: { percent: number } } }
interface Stay { readonly count: number; readonly medianDays: number | null; readonly p90Days: number | null }
interface TimeInStage extends Stage { readonly current: Stay; readonly historical: Stay }
interface Cycle { readonly count: number; readonly medianDays: number | null; readonly averageDays: number | null }

/** The last twelve calendar months, oldest first, as [label, from, to). */
function lastMonths(n = 12): [string, string, string][] {
  const now = new Date();
  return Array.from({ length: n }, (_, i) => {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (n - 1 - i), 1));
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
    return [from.toISOString().slice(0, 7), from.toISOString(), to.toISOString()];
  });
}

/** Deals that left each open stage in the last year, and the share that went on to the next stage. */
function Funnel() {
  const [bars, setBars] = useState<Bar[]>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    const { from, to } = trailingYear(new Date());
    api<{ result: { stages: Stage[] } }>('/pipeline')
      .then((p) => Promise.all(p.result.stages.map(async (s) => {
        const c = (await api<{ result: Conversion }>(`/pipeline/conversion?stageId=${s.stageId}&from=${from}&to=${to}`)).result;
        return { label: s.stageName, value: c.left, text: `${c.left} left · ${c.rates.toNextStage.percent}% on · ${c.won} won · ${c.lost} lost` };
      })))
      .then(setBars, setError);
  }, []);
  return (
    <Section title="Conversion funnel (last 12 months)">
      <ErrorBox error={error} />
      <Loading when={!bars && !error} />
      {bars && <BarList bars={bars} label="Deals that left each stage" />}
    </Section>
  );
}

function TimeInStageChart() {
  const answer = useApi<{ result: TimeInStage[] }>('/pipeline/time-in-stage');
  const bars = (answer.data?.result ?? []).map((s) => ({
    label: s.stageName, value: s.historical.medianDays ?? 0, mark: s.historical.p90Days ?? undefined,
    text: s.historical.count ? `median ${days(s.historical.medianDays)} · p90 ${days(s.historical.p90Days)} · ${s.current.count} there now` : `${s.current.count} there now`,
  }));
  return (
    <Section title="Time in stage (completed stays; the tick is p90)">
      <ErrorBox error={answer.error} />
      <Loading when={answer.loading && !answer.data} />
      {answer.data && <BarList bars={bars} label="Days in each stage" />}
    </Section>
  );
}

function CycleChart() {
  const [bars, setBars] = useState<Bar[]>();
  const [error, setError] = useState<Error>();
  useEffect(() => {
    Promise.all(lastMonths().map(async ([label, from, to]) => {
      const c = (await api<{ result: Cycle }>(`/pipeline/sales-cycle?from=${from}&to=${to}`)).result;
      return { label: label.slice(2), value: c.medianDays ?? 0, text: c.count ? days(c.medianDays) : '–' };
    })).then(setBars, setError);
  }, []);
  return (
    <Section title="Sales cycle: median days from open to won, by month of the win">
      <ErrorBox error={error} />
      <Loading when={!bars && !error} />
      {bars && <Columns bars={bars} label="Median sales cycle per month" />}
    </Section>
  );
}

export function ChartsPage() {
  return (
    <div>
      <header class="page-head"><h1>Charts</h1></header>
      <div class="two">
        <Funnel />
        <TimeInStageChart />
      </div>
      <CycleChart />
    </div>
  );
}
