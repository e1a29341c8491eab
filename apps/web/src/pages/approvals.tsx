import { useState } from 'preact/hooks';
import { readAfter } from '../api';
import { approvalView } from '../approvals-model';
import { ApprovalItem } from '../components/approval-item';
import { Outcome } from '../components/change-actions';
import { ErrorBox, Loading, Section } from '../components/ui';
import { useApi } from '../hooks';
import { Me } from '../me';
import { href } from '../router';

/**
 * What waits for approval, oldest first: what the caller may review and what they proposed.
 * After an action the list is read again at the action's position, so it never shows the item
 * that was just approved.
 */
export function ApprovalsPage({ me }: { me: Me }) {
  const [done, setDone] = useState<Outcome>();
  const list = useApi<{ result: readonly unknown[] }>(readAfter('/approvals', done?.position));
  const items = (list.data?.result ?? []).map(approvalView);
  const toReview = items.filter((i) => i.proposedBy !== me.userId);
  const mine = items.filter((i) => i.proposedBy === me.userId);
  return (
    <div>
      <header class="page-head">
        <h1>Approvals</h1>
        {list.data && <span class="muted" data-testid="approvals-count">{items.length} waiting</span>}
      </header>
      {done && (
        <p class="ok" role="status" data-testid="approval-done">
          {done.message} {done.dealId && <a href={href('deal', done.dealId)}>Open the deal</a>}
        </p>
      )}
      <ErrorBox error={list.error} />
      <Loading when={list.loading && !list.data} />
      {list.data && items.length === 0 && <p class="muted">Nothing waits for approval.</p>}
      {toReview.length > 0 && (
        <Section title={`To review (${toReview.length})`}>
          <ol class="approvals">{toReview.map((i) => <ApprovalItem key={i.key} item={i} me={me} onDone={setDone} />)}</ol>
        </Section>
      )}
      {mine.length > 0 && (
        <Section title={`Proposed by you (${mine.length})`}>
          <ol class="approvals">{mine.map((i) => <ApprovalItem key={i.key} item={i} me={me} onDone={setDone} />)}</ol>
        </Section>
      )}
    </div>
  );
}
