import { requireText } from '../../shared/required';
import { CreditShare, FULL_SHARE_BP } from '../credit-split';
import { DEAL_TEAM_ROLES } from '../deal-team';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { DealContext } from './deal-context';
import { requireMayChangeCommercialTerms } from './guards';

/**
 * Sets who gets credit for the deal. Revenue shares must total exactly 100%; overlay shares
 * (e.g. a sales engineer's 50%) are extra credit and reduce nobody's. Allowed after the close
 * too, and may be backdated: the split in force at a moment is the last one set by then.
 */
export function setCreditSplits(command: DealCommandOf<'SetCreditSplits'>, context: DealContext): DealEvent[] {
  requireMayChangeCommercialTerms(context, command.type);
  const revenue = checkShares(command.data.revenue, 'revenue');
  const overlay = checkShares(command.data.overlay ?? [], 'overlay');
  const totalBp = revenue.reduce((sum, s) => sum + s.shareBp, 0);
  if (revenue.length === 0 || totalBp !== FULL_SHARE_BP) throw DealErrors.splitTotalInvalid(totalBp);
  const reason = command.data.reason?.trim();
  return [{ type: 'CreditSplitsSet', data: reason ? { revenue, overlay, reason } : { revenue, overlay } }];
}

function checkShares(shares: readonly CreditShare[], kind: 'revenue' | 'overlay'): CreditShare[] {
  const seen = new Set<string>();
  return shares.map((share, index) => {
    requireText(share.userId, `${kind}[${index}].userId`);
    if (!DEAL_TEAM_ROLES.includes(share.role)) throw DealErrors.teamRoleUnknown(share.role, DEAL_TEAM_ROLES);
    if (!Number.isInteger(share.shareBp) || share.shareBp < 1 || share.shareBp > FULL_SHARE_BP) {
      throw DealErrors.invalidShare(kind, index, share.shareBp);
    }
    if (seen.has(share.userId)) throw DealErrors.duplicateShare(kind, share.userId);
    seen.add(share.userId);
    return { userId: share.userId, role: share.role, shareBp: share.shareBp };
  });
}
