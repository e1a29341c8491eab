import { Line } from './commission-types';
import { shortId } from './format';

type Named = Pick<Line, 'kind' | 'productCode' | 'dealName' | 'planName' | 'lineage'>;

/** A statement line in words: its deal by name, the kind of pay and the product ("Acme rollout · commission · CORE"). */
export function lineTitle(line: Named): string {
  const dealId = line.lineage.dealId;
  const deal = line.dealName ?? (dealId ? `deal ${shortId(dealId)}` : undefined);
  const kind = line.kind === 'prior-period' && line.lineage.priorPeriod ? `correction of ${line.lineage.priorPeriod.period}` : line.kind;
  return [deal, kind, line.productCode].filter(Boolean).join(' · ');
}

/** The plan that pays a line, by name. */
export const planOf = (line: Named): string | undefined => line.planName ?? line.lineage.plan?.name;

/** A person in a list: their name with their id, or the id alone. */
export const personText = (p: { userId: string; name?: string }): string => (p.name && p.name !== p.userId ? `${p.name} (${p.userId})` : p.userId);
