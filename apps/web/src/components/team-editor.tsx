import { useState } from 'preact/hooks';
import { CommandAnswer } from '../api';
import { useCommand } from '../hooks';
import { ACCESS_WORDS, DEAL_TEAM_ROLES, TEAM_ACCESS_LEVELS } from '../team-model';
import { ErrorBox } from './ui';

/** Adds someone to the deal's team (`POST /deals/:id/team`); after the close a credit-earning role waits for approval. */
export function AddMemberForm({ dealId, onDone }: { dealId: string; onDone: (answer: CommandAnswer) => void }) {
  const [open, setOpen] = useState(false);
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<string>('sales-engineer');
  const [access, setAccess] = useState<string>('full');
  const { busy, error, send } = useCommand();
  const submit = async (e: Event) => {
    e.preventDefault();
    const answer = await send(`/deals/${encodeURIComponent(dealId)}/team`, { userId: userId.trim(), role, access });
    if (!answer) return;
    setOpen(false);
    setUserId('');
    onDone(answer);
  };
  if (!open) return <button type="button" class="link" onClick={() => setOpen(true)}>+ member</button>;
  return (
    <form class="step-form" onSubmit={submit} aria-label="Add a team member">
      <label for="member-user">Person (user id)</label>
      <input id="member-user" value={userId} onInput={(e) => setUserId((e.target as HTMLInputElement).value)} />
      <label for="member-role">Deal-team role</label>
      <select id="member-role" value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value)}>
        {DEAL_TEAM_ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
      </select>
      <label for="member-access">What they may do</label>
      <select id="member-access" value={access} onChange={(e) => setAccess((e.target as HTMLSelectElement).value)}>
        {TEAM_ACCESS_LEVELS.map((a) => <option key={a} value={a}>{ACCESS_WORDS[a] ?? a}</option>)}
      </select>
      <ErrorBox error={error} />
      <div class="form-actions">
        <button type="submit" disabled={busy || !userId.trim()}>Add to the team</button> <button type="button" class="link" onClick={() => setOpen(false)}>cancel</button>
      </div>
    </form>
  );
}

/** Takes a member off the team (`DELETE /deals/:id/team/:userId/:role`). */
export function RemoveMember({ dealId, userId, role, onDone }: { dealId: string; userId: string; role: string; onDone: (answer: CommandAnswer) => void }) {
  const { busy, error, send } = useCommand();
  const remove = async () => {
    const answer = await send(`/deals/${encodeURIComponent(dealId)}/team/${encodeURIComponent(userId)}/${encodeURIComponent(role)}`, undefined, 'DELETE');
    if (answer) onDone(answer);
  };
  return (
    <>
      {' '}<button type="button" class="link" disabled={busy} aria-label={`Remove ${userId} (${role})`} onClick={() => void remove()}>remove</button>
      <ErrorBox error={error} />
    </>
  );
}
