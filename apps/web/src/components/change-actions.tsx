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
 * Approve, reject with a reason, or (one's own) withdraw a waiting deal change. Who may is the
 * API's rule; a refusal is shown in words.
 */
export function ChangeActions({ item, mine, onDone }: { item: ApprovalView; mine: boolean; onDone: (outcome: Outcome) => void }) {
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
