import { useState } from 'preact/hooks';
import { ApprovalView } from '../approvals-model';
import { useCommand } from '../hooks';
import { ErrorBox } from './ui';

/** What an action on a waiting change did, for the page to say and to read after. */
export interface Outcome {
  readonly position: number;
  readonly message: string;
  readonly dealId?: string;
}

/**
 * Approve, reject with a reason, or (one's own) withdraw a waiting deal change; decide terms
 * waiting for the deal desk. Who may is the API's rule; a refusal is shown in words.
 */
export function ChangeActions({ item, mine, onDone }: { item: ApprovalView; mine: boolean; onDone: (outcome: Outcome) => void }) {
  if (item.kind === 'deal-desk') return <DealDeskActions item={item} mine={mine} onDone={onDone} />;
  return <ReviewActions item={item} mine={mine} onDone={onDone} />;
}

function ReviewActions({ item, mine, onDone }: { item: ApprovalView; mine: boolean; onDone: (outcome: Outcome) => void }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, send } = useCommand();
  if (!item.proposalId || !item.dealId) return null;
  const base = `/deals/${encodeURIComponent(item.dealId)}/changes/${encodeURIComponent(item.proposalId)}`;
  const what = `${item.what.toLowerCase()} on ${item.dealName ?? item.dealId}`;
  const act = async (path: string, body: object, done: string) => {
    const answer = await send(path, body);
    if (answer) onDone({ position: answer.position, message: `${done} the ${what}.`, dealId: item.dealId });
  };
  return (
    <div class="change-actions">
      {mine ? (
        <button type="button" class="secondary" disabled={busy} onClick={() => act(`${base}/withdrawal`, {}, 'Withdrew')}>Withdraw</button>
      ) : (
        <>
          <button type="button" disabled={busy} onClick={() => act(`${base}/review`, { decision: 'approve' }, 'Approved')}>Approve</button>
          <button type="button" class="secondary" disabled={busy} aria-expanded={rejecting} onClick={() => setRejecting(!rejecting)}>Reject…</button>
        </>
      )}
      {rejecting && !mine && (
        <form class="reject" onSubmit={(e) => { e.preventDefault(); void act(`${base}/review`, { decision: 'reject', reason: reason.trim() }, 'Rejected'); }}>
          <label for={`reject-${item.key}`}>Why reject it?</label>
          <textarea id={`reject-${item.key}`} rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
          <button type="submit" class="danger" disabled={busy || !reason.trim()}>Reject</button>
        </form>
      )}
      <ErrorBox error={error} />
    </div>
  );
}

/**
 * Approve or reject terms waiting for the deal desk, each with a reason (the API asks for one
 * either way). Nobody withdraws them: new terms replace the request.
 */
function DealDeskActions({ item, mine, onDone }: { item: ApprovalView; mine: boolean; onDone: (outcome: Outcome) => void }) {
  const [deciding, setDeciding] = useState<'approve' | 'reject'>();
  const [reason, setReason] = useState('');
  const { busy, error, send } = useCommand();
  if (!item.proposalId || !item.dealId) return null;
  if (mine) return <p class="muted">Waits for a manager of the deal's owner; agreeing new terms replaces the request.</p>;
  const path = `/deals/${encodeURIComponent(item.dealId)}/deal-desk/${encodeURIComponent(item.proposalId)}/decision`;
  const decide = async (decision: 'approve' | 'reject') => {
    const answer = await send(path, { decision, reason: reason.trim() });
    if (answer) onDone({ position: answer.position, message: `${decision === 'approve' ? 'Approved' : 'Rejected'} the terms on ${item.dealName ?? item.dealId}.`, dealId: item.dealId });
  };
  return (
    <div class="change-actions">
      <button type="button" disabled={busy} aria-expanded={deciding === 'approve'} onClick={() => setDeciding(deciding === 'approve' ? undefined : 'approve')}>Approve…</button>
      <button type="button" class="secondary" disabled={busy} aria-expanded={deciding === 'reject'} onClick={() => setDeciding(deciding === 'reject' ? undefined : 'reject')}>Reject…</button>
      {deciding && (
        <form class="reject" onSubmit={(e) => { e.preventDefault(); void decide(deciding); }}>
          <label for={`desk-${item.key}`}>{deciding === 'approve' ? 'Why approve these terms?' : 'Why reject these terms?'}</label>
          <textarea id={`desk-${item.key}`} rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
          <button type="submit" class={deciding === 'approve' ? '' : 'danger'} disabled={busy || !reason.trim()}>{deciding === 'approve' ? 'Approve' : 'Reject'}</button>
        </form>
      )}
      <ErrorBox error={error} />
    </div>
  );
}
