import { CommandAnswer } from '../api';
import { href } from '../router';

/** What a deal command did: applied, or only proposed — waiting for someone else's approval (the answer carries `proposalId`). */
export function CommandNotice({ answer, what }: { answer?: CommandAnswer; what: string }) {
  if (!answer) return null;
  if (answer.proposalId) {
    return (
      <p class="waiting" role="status" data-testid="waits-for-approval">
        {what} waits for approval: nothing changes until someone else approves it. <a href={href('approvals')}>Approvals</a>
      </p>
    );
  }
  return <p class="ok" role="status">{what} recorded.</p>;
}

/** A `datetime-local` value (the browser's zone) as the API's `occurredAt`; empty means now. */
export const occurredAtOf = (local: string): { occurredAt?: string } => {
  const at = local ? new Date(local) : undefined;
  return at && !Number.isNaN(at.getTime()) ? { occurredAt: at.toISOString() } : {};
};
