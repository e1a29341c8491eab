import { useApi, useCommand } from '../hooks';
import { addOffered, ACCESS_WORDS, OfferedMember, sourceText } from '../team-model';
import { ErrorBox } from './ui';

/** Members the owner's default team or the account's team offer this deal, each with an "Add" button (`POST /deals/:id/team`). */
export function OfferedTeam({ dealId, canAdd, onDone }: { dealId: string; canAdd: boolean; onDone: (position: number) => void }) {
  const offers = useApi<{ offered: OfferedMember[] }>(`/deals/${encodeURIComponent(dealId)}/team/offers`);
  const { busy, error, send } = useCommand();
  const offered = offers.data?.offered ?? [];
  if (offered.length === 0) return <ErrorBox error={offers.error} />;
  const add = async (member: OfferedMember) => {
    const answer = await send(`/deals/${encodeURIComponent(dealId)}/team`, addOffered(member));
    if (answer) {
      offers.reload();
      onDone(answer.position);
    }
  };
  return (
    <div data-testid="offered-team">
      <h3>Offered</h3>
      <ul class="team">
        {offered.map((m) => (
          <li key={`${m.userId}/${m.role}`}>
            <strong>{m.userId}</strong> {m.role} <small class="muted">{ACCESS_WORDS[m.access] ?? m.access}, {sourceText(m.source)}</small>{' '}
            {canAdd && <button type="button" class="link" disabled={busy} onClick={() => void add(m)} aria-label={`Add ${m.userId} as ${m.role}`}>Add</button>}
          </li>
        ))}
      </ul>
      <ErrorBox error={error} />
    </div>
  );
}
