import { ComponentChildren } from 'preact';
import { useApi } from '../hooks';
import { Ratio, ratioText, ratioTitle } from '../kpis-model';
import { money } from '../format';
import { href } from '../router';
import { ErrorBox, Loading, Section, Table } from './ui';

interface Standing {
  readonly userId: string;
  readonly currency?: string;
  readonly quotaMinor?: number;
  readonly closedWonMinor: number;
  readonly weightedOpenMinor: number;
  readonly gapMinor?: number;
  readonly coverage?: Ratio;
  readonly openDeals: readonly { dealId: string; weightedMinor: number; expectedInPeriod: boolean; expectedCloseBy?: string }[];
}
interface Total { readonly currency: string; readonly members: number; readonly quotaMinor: number; readonly closedWonMinor: number; readonly weightedOpenMinor: number; readonly gapMinor: number; readonly coverage: Ratio }
interface Report { readonly scope: 'person' | 'team'; readonly id: string; readonly totals: readonly Total[]; readonly members: readonly Standing[] }

/** Won, weighted open expected to close, and quota as one bar: how far the quarter is covered. */
function StandingBar({ quota, won, weighted, currency }: { quota: number; won: number; weighted: number; currency: string }) {
  const max = Math.max(1, quota, won + weighted);
  const pct = (v: number) => (v / max) * 100;
  return (
    <svg class="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" role="img"
      aria-label={`won ${money(won, currency)}, weighted open ${money(weighted, currency)}, quota ${money(quota, currency)}`}>
      <rect class="bar" x="0" y="1" height="8" width={pct(won)} />
      <rect class="bar" fill-opacity="0.4" x={pct(won)} y="1" height="8" width={pct(weighted)} />
      <rect class="mark" x={Math.min(99.4, pct(quota))} y="0" width="0.6" height="10" />
    </svg>
  );
}

function Row({ label, quota, won, weighted, gap, coverage, currency }: {
  label: ComponentChildren; quota?: number; won: number; weighted: number; gap?: number; coverage?: Ratio; currency?: string;
}) {
  if (currency === undefined) return <tr><td data-label="Who">{label}</td><td colSpan={5} class="muted">no plan in force at the quarter's end</td></tr>;
  return (
    <tr data-testid="quota-standing-row">
      <td data-label="Who">{label}</td>
      <td data-label="Quota" class="num">{quota === undefined ? '—' : money(quota, currency)}</td>
      <td data-label="Won" class="num">{money(won, currency)}</td>
      <td data-label="Weighted open" class="num">{money(weighted, currency)}</td>
      <td data-label="Gap" class="num">{gap === undefined ? '—' : money(gap, currency)}</td>
      <td data-label="Coverage" title={coverage ? ratioTitle(coverage) : undefined}>
        {coverage ? (gap === 0 ? 'quota met' : ratioText(coverage)) : '—'}
        {quota !== undefined && <StandingBar quota={quota} won={won} weighted={weighted} currency={currency} />}
      </td>
    </tr>
  );
}

/**
 * Where a person (`userId`) or a team (`teamId`, its manager) stands against quota in a quarter:
 * GET /reports/quota-standing. Definitions: docs/kpis.md.
 */
export function QuotaStanding({ period, userId, teamId }: { period: string; userId?: string; teamId?: string }) {
  const who = teamId !== undefined ? `&teamId=${encodeURIComponent(teamId)}` : userId !== undefined ? `&userId=${encodeURIComponent(userId)}` : '';
  const answer = useApi<{ result: Report }>(/^\d{4}-Q[1-4]$/.test(period) ? `/reports/quota-standing?period=${period}${who}` : undefined);
  const report = answer.data?.result;
  const head = ['Who', 'Quota', 'Won', 'Weighted open', 'Gap', 'Coverage'];
  return (
    <Section title={`Quota standing · ${period}`}>
      <ErrorBox error={answer.error} />
      <Loading when={answer.loading && !report} />
      {report && (
        <div data-testid="quota-standing">
          <Table head={head} label="Quota standing" stack>
            {report.scope === 'team' && report.totals.map((t) => (
              <Row key={t.currency} label={<strong>Team {report.id} ({t.members})</strong>} quota={t.quotaMinor} won={t.closedWonMinor}
                weighted={t.weightedOpenMinor} gap={t.gapMinor} coverage={t.coverage} currency={t.currency} />
            ))}
            {report.members.map((m) => (
              <Row key={m.userId} label={<a href={href('commission', m.userId)}>{m.userId}</a>} quota={m.quotaMinor} won={m.closedWonMinor}
                weighted={m.weightedOpenMinor} gap={m.gapMinor} coverage={m.coverage} currency={m.currency} />
            ))}
          </Table>
          <p class="muted"><small>
            Won: credit on deals won in the quarter. Weighted open: credit × stage probability of the open deals whose decision
            timeframe falls in the quarter. Coverage: weighted open ÷ gap. The tick on each bar is the quota.
          </small></p>
        </div>
      )}
    </Section>
  );
}
