import { ApprovalView, timesText } from '../approvals-model';
import { Me } from '../me';
import { href } from '../router';
import { ChangeActions, Outcome } from './change-actions';

/** One item waiting for approval: what, why it waits, who proposed it and when, and what may be done. */
export function ApprovalItem({ item, me, onDone, showDeal = true }: { item: ApprovalView; me: Me; onDone: (o: Outcome) => void; showDeal?: boolean }) {
  const mine = item.proposedBy === me.userId;
  return (
    <li class="approval" data-testid="approval" data-kind={item.kind} data-proposal-id={item.proposalId}>
      <div class="approval-head">
        <strong>{item.what}</strong>
        {showDeal && item.dealId && <> on <a href={href('deal', item.dealId)}>{item.dealName ?? item.dealId}</a></>}
        {item.kind !== 'deal-change' && <span class="status">{item.kind}</span>}
      </div>
      {item.summary && <p class="approval-summary" data-testid="approval-summary">{item.summary}</p>}
      {item.reasons.length > 0 && <ul class="reasons" aria-label="Why it waits">{item.reasons.map((r) => <li key={r}>{r}</li>)}</ul>}
      <p class="muted approval-meta">
        {item.proposedBy ? <>by <strong>{mine ? 'you' : item.proposedBy}</strong>{' · '}</> : null}{timesText(item)}
      </p>
      {item.proposalId ? <ChangeActions item={item} mine={mine} onDone={onDone} /> : <p class="muted">This page lists it but cannot act on it yet.</p>}
    </li>
  );
}
