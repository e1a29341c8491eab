import { useState } from 'preact/hooks';
import { CommandAnswer } from '../api';
import { useCommand } from '../hooks';
import { CREDIT_ROLES, rowsOf, ShareRow, Split, splitFromRows, splitText } from '../split-model';
import { CommandNotice, occurredAtOf } from './command-notice';
import { ErrorBox, Section } from './ui';

interface DealSplit { readonly dealId: string; readonly ownerId: string; readonly splits?: Split }

/** Sets the deal's credit split (`POST /deals/:id/splits`); splits naming others, or changed after the close, wait for approval. */
function SplitForm({ deal, onDone }: { deal: DealSplit; onDone: (answer: CommandAnswer) => void }) {
  const [rows, setRows] = useState<ShareRow[]>(() => rowsOf(deal.splits ?? { revenue: [{ userId: deal.ownerId, role: 'account-executive', shareBp: 10_000 }] }));
  const [reason, setReason] = useState('');
  const [at, setAt] = useState('');
  const [problem, setProblem] = useState<string>();
  const { busy, error, send } = useCommand();
  const set = (i: number, row: Partial<ShareRow>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = splitFromRows(rows);
    if ('problem' in parsed) return setProblem(parsed.problem);
    setProblem(undefined);
    const answer = await send(`/deals/${encodeURIComponent(deal.dealId)}/splits`, { ...parsed.split, ...(reason.trim() ? { reason: reason.trim() } : {}), ...occurredAtOf(at) });
    if (answer) onDone(answer);
  };
  return (
    <form class="split-form" onSubmit={submit}>
      {rows.map((r, i) => (
        <div class="share-row" key={i} data-testid="share-row">
          <input aria-label="person" placeholder="person" value={r.userId} size={14} onInput={(e) => set(i, { userId: (e.target as HTMLInputElement).value })} />
          <select aria-label="role" value={r.role} onChange={(e) => set(i, { role: (e.target as HTMLSelectElement).value })}>
            {CREDIT_ROLES.map((role) => <option key={role} value={role}>{role}</option>)}
          </select>
          <input aria-label="share %" placeholder="%" value={r.share} size={6} inputMode="decimal" onInput={(e) => set(i, { share: (e.target as HTMLInputElement).value })} />
          <label class="inline"><input type="checkbox" checked={r.overlay} onChange={(e) => set(i, { overlay: (e.target as HTMLInputElement).checked })} /> overlay</label>
          <button type="button" class="link" onClick={() => setRows(rows.filter((_, j) => j !== i))}>remove</button>
        </div>
      ))}
      <button type="button" class="link" onClick={() => setRows([...rows, { userId: '', role: 'account-executive', share: '', overlay: false }])}>+ share</button>
      <label for="split-reason">Reason <small class="muted">(optional)</small></label>
      <input id="split-reason" value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
      <label for="split-at">In force from <small class="muted">(empty: now)</small></label>
      <input id="split-at" type="datetime-local" value={at} onInput={(e) => setAt((e.target as HTMLInputElement).value)} />
      {problem && <p class="error" role="alert">{problem}</p>}
      <ErrorBox error={error} />
      <button type="submit" disabled={busy}>Set split</button>
    </form>
  );
}

/** The split in force (or the owner's 100% when none was set), and a form to change it. */
export function SplitSection({ deal, canEdit, onDone }: { deal: DealSplit; canEdit: boolean; onDone: (position: number) => void }) {
  const [editing, setEditing] = useState(false);
  const [answer, setAnswer] = useState<CommandAnswer>();
  const done = (a: CommandAnswer) => {
    setAnswer(a);
    setEditing(false);
    onDone(a.position);
  };
  return (
    <Section title="Credit split" actions={canEdit && <button type="button" class="link" aria-expanded={editing} onClick={() => { setEditing(!editing); setAnswer(undefined); }}>{editing ? 'Cancel' : 'Change split'}</button>}>
      <p data-testid="deal-split">{deal.splits ? splitText(deal.splits) : <>{deal.ownerId} 100% <small class="muted">(the owner; no split set)</small></>}</p>
      <CommandNotice answer={answer} what="The split" />
      {editing && <SplitForm deal={deal} onDone={done} />}
    </Section>
  );
}
