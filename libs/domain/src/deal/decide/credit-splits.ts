import { requireText } from '../../shared/required';
import { CreditShare, FULL_SHARE_BP } from '../credit-split';
import { DEAL_TEAM_ROLES } from '../deal-team';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { CREDIT_ROLES } from './deal-controls';
import { DealContext } from './deal-context';
import { requireMayChangeCommercialTerms } from './guards';

/**
 * Sets who gets credit for the deal. Revenue shares must total exactly 100%; overlay shares
 * (e.g. a sales engineer's 50%) are extra credit and reduce nobody's, up to the policy's cap.
 * Credit goes to people who may receive it, in a credit-earning team role. Allowed after the
 * close too (through an approval), and may be backdated: the split in force at a moment is the
 * last one set by then.
 */
export function setCreditSplits(command: DealCommandOf<'SetCreditSplits'>, context: DealContext): DealEvent[] {
  requireMayChangeCommercialTerms(context, command.type);
  const revenue = checkShares(command.data.revenue, 'revenue', context);
  const overlay = checkShares(command.data.overlay ?? [], 'overlay', context);
  const totalBp = revenue.reduce((sum, s) => sum + s.shareBp, 0);
  if (revenue.length === 0 || totalBp !== FULL_SHARE_BP) throw DealErrors.splitTotalInvalid(totalBp);
  const overlayBp = overlay.reduce((sum, s) => sum + s.shareBp, 0);
  const capBp = context.controls.limits.overlayCapBp;
  if (overlayBp > capBp) throw DealErrors.overlayCapExceeded(overlayBp, capBp);
  const reason = command.data.reason?.trim();
  return [{ type: 'CreditSplitsSet', data: reason ? { revenue, overlay, reason } : { revenue, overlay } }];
}

function checkShares(shares: readonly CreditShare[], kind: 'revenue' | 'overlay', context: DealContext): CreditShare[] {
  const seen = new Set<string>();
  if (!Array.isArray(shares)) throw DealErrors.invalidShare(kind, 0, shares);
  return shares.map((share, index) => {
    requireText(share.userId, `${kind}[${index}].userId`);
    if (!DEAL_TEAM_ROLES.includes(share.role)) throw DealErrors.teamRoleUnknown(share.role, DEAL_TEAM_ROLES);
    if (!CREDIT_ROLES.includes(share.role)) throw DealErrors.splitRoleNotCredited(kind, index, share.role, CREDIT_ROLES);
    const problem = context.controls.creditIneligibility?.(share.userId);
    if (problem !== undefined) throw DealErrors.splitRecipientIneligible(kind, index, share.userId, problem);
    if (!Number.isInteger(share.shareBp) || share.shareBp < 1 || share.shareBp > FULL_SHARE_BP) {
      throw DealErrors.invalidShare(kind, index, share.shareBp);
    }
    if (seen.has(share.userId)) throw DealErrors.duplicateShare(kind, share.userId);
    seen.add(share.userId);
    return { userId: share.userId, role: share.role, shareBp: share.shareBp };
  });
}
