import { Line } from '../commission-types';
import { bp, shortId } from '../format';
import { lateFactText, priorPeriodFigures } from '../period-model';
import { href } from '../router';
import { EventRefs } from './events';

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

/** Where a statement line comes from: deal, split in force, plan version, rule, arithmetic and every event it rests on. */
export function Lineage({ line }: { line: Line }) {
  const l = line.lineage;
  return (
    <div class="lineage" data-testid="lineage">
      <PriorPeriodDetail line={line} />
      <dl class="facts">
        {l.dealId && <div><dt>Deal</dt><dd><a href={href('deal', l.dealId)}>{line.dealName ?? shortId(l.dealId)}</a></dd></div>}
        {l.split && <div><dt>Split in force</dt><dd>{bp(l.split.shareBp)} {l.split.creditType} <small class="muted">({l.split.source}, #{l.split.position})</small></dd></div>}
        {l.plan && <div><dt>Plan</dt><dd>{l.plan.name} <small class="muted">v{l.plan.version}</small></dd></div>}
        <div><dt>Rule</dt><dd><code>{l.rule}</code></dd></div>
      </dl>
      <p class="arithmetic" data-testid="arithmetic">{l.arithmetic}</p>
      <EventRefs events={l.events} label={`Events behind ${line.lineId}`} />
    </div>
  );
}
