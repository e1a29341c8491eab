import { useEffect, useState } from 'preact/hooks';
import { CommandAnswer, readAfter } from '../api';
import { CommandNotice } from '../components/command-notice';
import { ErrorBox, Loading, Section } from '../components/ui';
import { useApi, useCommand } from '../hooks';
import { Me } from '../me';
import { href } from '../router';
import { ACCESS_WORDS, DEAL_TEAM_ROLES, MODE_WORDS, StandingTeam, TEAM_ACCESS_LEVELS, TEAM_TEMPLATE_MODES, teamFromRows, TemplateMember } from '../team-model';

const blank = (): TemplateMember => ({ userId: '', role: 'sales-engineer', access: 'full' });

/**
 * A standing team (`GET`/`POST` at `path`): who, in which deal-team role, doing what, and whether
 * new deals get them at once or offer them.
 */
function TeamEditor({ path, title, onSaved }: { path: string; title: string; onSaved?: (position: number) => void }) {
  const team = useApi<StandingTeam>(path);
  const [rows, setRows] = useState<TemplateMember[]>([]);
  const [mode, setMode] = useState('offer');
  const [problem, setProblem] = useState<string>();
  const [answer, setAnswer] = useState<CommandAnswer>();
  const { busy, error, send } = useCommand();
  useEffect(() => {
    if (!team.data) return;
    setRows(team.data.members.length ? [...team.data.members] : [blank()]);
    setMode(team.data.mode);
  }, [team.data]);
  const set = (i: number, row: Partial<TemplateMember>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...row } : r)));
  const submit = async (e: Event) => {
    e.preventDefault();
    const parsed = teamFromRows(rows, mode);
    if ('problem' in parsed) return setProblem(parsed.problem);
    setProblem(undefined);
    const done = await send(path, parsed.team);
    if (done) {
      setAnswer(done);
      team.reload();
      onSaved?.(done.position);
    }
  };
  return (
    <div>
      <header class="page-head"><h1>{title}</h1></header>
      <ErrorBox error={team.error} />
      <Loading when={team.loading && !team.data} />
      {team.data && (
        <Section title="Members">
          <form class="team-form" onSubmit={submit}>
            {rows.map((r, i) => (
              <div class="share-row" key={i} data-testid="team-row">
                <input aria-label="person" placeholder="person" value={r.userId} size={14} onInput={(e) => set(i, { userId: (e.target as HTMLInputElement).value })} />
                <select aria-label="deal-team role" value={r.role} onChange={(e) => set(i, { role: (e.target as HTMLSelectElement).value })}>
                  {DEAL_TEAM_ROLES.map((role) => <option key={role} value={role}>{role}</option>)}
                </select>
                <select aria-label="what they may do" value={r.access} onChange={(e) => set(i, { access: (e.target as HTMLSelectElement).value })}>
                  {TEAM_ACCESS_LEVELS.map((level) => <option key={level} value={level}>{ACCESS_WORDS[level]}</option>)}
                </select>
                <button type="button" class="link" onClick={() => setRows(rows.filter((_, j) => j !== i))}>remove</button>
              </div>
            ))}
            <button type="button" class="link" onClick={() => setRows([...rows, blank()])}>+ member</button>
            <fieldset>
              <legend>When a deal is opened, the team is</legend>
              {TEAM_TEMPLATE_MODES.map((m) => (
                <label class="inline" key={m}>
                  <input type="radio" name="team-mode" value={m} checked={mode === m} onChange={() => setMode(m)} /> {MODE_WORDS[m]}
                </label>
              ))}
            </fieldset>
            {problem && <p class="error" role="alert">{problem}</p>}
            <ErrorBox error={error} />
            <button type="submit" disabled={busy}>Save team</button>
          </form>
          <CommandNotice answer={answer} what="The team" />
        </Section>
      )}
    </div>
  );
}

/** A rep's default deal team (`/users/:userId/default-team`), joined to or offered on each deal they open. */
export function DefaultTeamPage({ me, userId }: { me: Me; userId: string }) {
  return <TeamEditor path={`/users/${encodeURIComponent(userId)}/default-team`} title={userId === me.userId ? 'My default team' : `${userId}'s default team`} />;
}

/** An account's team (`/account-teams/:account`), joined to or offered on every new deal of the account; sales-ops and admins set it. */
export function AccountTeamPage({ account }: { account?: string }) {
  const [name, setName] = useState(account ?? '');
  const [written, setWritten] = useState<number>();
  // After a save, the list waits until its read model holds the write.
  const teams = useApi<{ result: readonly { account: string; accountKey: string; members: readonly TemplateMember[]; mode: string }[] }>(readAfter('/account-teams', written));
  const open = (e: Event) => {
    e.preventDefault();
    if (name.trim()) location.hash = href('account-team', name.trim());
  };
  return (
    <div>
      {!account && <header class="page-head"><h1>Account teams</h1></header>}
      <form class="inline" onSubmit={open}>
        <label for="account-name">Account</label>{' '}
        <input id="account-name" value={name} placeholder="as deals name it" onInput={(e) => setName((e.target as HTMLInputElement).value)} />{' '}
        <button type="submit">Open</button>
      </form>
      <ErrorBox error={teams.error} />
      <Loading when={teams.loading && !teams.data} />
      {teams.data && teams.data.result.length === 0 && !account && <p class="muted" data-testid="no-account-teams">No account has a team yet: name one above to set its team.</p>}
      {teams.data && teams.data.result.length > 0 && (
        <ul class="team" data-testid="account-teams">
          {teams.data.result.map((team) => (
            <li key={team.accountKey}>
              <a href={href('account-team', team.account)}>{team.account}</a>{' '}
              <small class="muted">{team.members.length} {team.members.length === 1 ? 'member' : 'members'}, {MODE_WORDS[team.mode] ?? team.mode}</small>
            </li>
          ))}
        </ul>
      )}
      {account && <TeamEditor key={account} path={`/account-teams/${encodeURIComponent(account)}`} title={`Account team: ${account}`} onSaved={setWritten} />}
    </div>
  );
}
