import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { DealDeskState, dealDeskView, PendingChange, pendingView } from '../approvals-model';
import { ApprovalItem } from '../components/approval-item';
import { Outcome } from '../components/change-actions';
import { CommandNotice } from '../components/command-notice';
import { DealActions, Done } from '../components/deal-actions';
import { StepForm } from '../components/fact-form';
import { AddMemberForm, RemoveMember } from '../components/team-editor';
import { mayOffer } from '../deal-actions-model';
import { FactStep } from '../fact-form-model';
import { stepsFor } from '../fact-steps-model';
import { CommandAnswer } from '../api';
import { EvidenceList, Evidence } from '../components/evidence';
import { ShowMore } from '../components/show-more';
import { SplitSection } from '../components/split-form';
import { ErrorBox, LiveBadge, Loading, Section } from '../components/ui';
import { days, daysSince, money, percent, when } from '../format';
import { useApi, useDealFeed } from '../hooks';
import { Me } from '../me';
import { Split } from '../split-model';
import { OfferedTeam } from '../components/offered-team';
import { memberNote as noteOf, TeamMemberView } from '../team-model';

interface DealView {
  readonly revision: number;
  readonly state: {
    readonly name: string; readonly account: { name: string; industry?: string }; readonly ownerId: string; readonly currency: string;
    readonly expectedAmountMinor: number; readonly status: string; readonly stageEnteredAt: string; readonly openedAt: string;
    readonly stageId: string; readonly reversed?: boolean;
    readonly facts?: Readonly<Record<string, unknown>>;
    readonly team: readonly TeamMemberView[];
    readonly splits?: Split;
    readonly pendingChanges?: readonly PendingChange[];
    readonly dealDesk?: DealDeskState;
  };
  readonly stage: {
    readonly stageName: string; readonly phase: string; readonly probability: number; readonly nextStageId?: string;
    readonly criteria: readonly { id: string; label: string; buyerOutcome: string; met: boolean; evidence: readonly Evidence[] }[];
  };
}

interface TimelineEntry {
  readonly eventId: string; readonly position: number; readonly type: string; readonly summary: string;
  readonly occurredAt: string; readonly recordedAt: string; readonly evidence: readonly Evidence[];
  readonly actor: { id: string; organisationRoles: readonly string[]; dealRoles: readonly string[]; isOwner: boolean };
}

interface Audit {
  readonly team: readonly { userId: string; role: string; since: { occurredAt: string } }[];
  readonly total: number;
  readonly entries: readonly TimelineEntry[];
}

const LATE_MS = 60 * 60 * 1000;
/** Timeline events per request (the API's most). */
const TIMELINE_PAGE = 1000;

function Criteria({ view, dealId, me, done, onDone }: {
  view: DealView; dealId: string; me: Me; done?: Done; onDone: (answer: CommandAnswer, step: FactStep) => void;
}) {
  const missing = view.stage.criteria.filter((c) => !c.met);
  const recorded = Object.keys(view.state.facts ?? {});
  const open = view.state.status === 'open';
  return (
    <Section title={`Exit criteria of ${view.stage.stageName}`}>
      <p class="muted">{missing.length ? `${missing.length} missing before the deal can move on` : 'All met: the deal can move to the next stage'}</p>
      {done && <CommandNotice answer={done.answer} what={done.what} />}
      <ul class="criteria" data-testid="criteria">
        {view.stage.criteria.map((c) => {
          const steps = open && !c.met ? stepsFor(c.id, recorded).filter((st) => mayOffer(me.roles, st.command as Parameters<typeof mayOffer>[1])) : [];
          return (
            <li key={c.id} class={c.met ? 'met' : 'missing'} data-testid={c.met ? 'criterion-met' : 'criterion-missing'} data-criterion-id={c.id}>
              <span class="tick" aria-hidden="true">{c.met ? '✓' : '✗'}</span>
              <span>
                <strong>{c.label}</strong> <small class="muted">{c.met ? 'met' : 'missing'} — {c.buyerOutcome}</small><br /><EvidenceList items={c.evidence} />
                {steps.length > 0 && (
                  <span class="step-list">
                    {steps.map((st) => <StepForm key={st.command} dealId={dealId} step={st} idPrefix={`${c.id}-${st.command}`} onDone={onDone} />)}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  return (
    <ol class="timeline" data-testid="timeline">
      {entries.map((e) => {
        const late = new Date(e.recordedAt).getTime() - new Date(e.occurredAt).getTime() > LATE_MS;
        const roles = [...e.actor.dealRoles, ...e.actor.organisationRoles.map((r) => `org: ${r}`)];
        return (
          <li key={e.eventId}>
            <div class="times">
              <span title="when it happened">{when(e.occurredAt)}</span>
              <small class={late ? 'late' : 'muted'} title="when the engine recorded it">recorded {when(e.recordedAt)}{late ? ` (${days(daysSince(e.occurredAt, new Date(e.recordedAt).getTime()))} later)` : ''}</small>
            </div>
            <div>
              <strong>{e.actor.id}</strong> <small class="muted">{roles.join(', ')}{e.actor.isOwner ? ', owner' : ''}</small>
              <p>{e.summary} <small class="muted">{e.type} · #{e.position}</small></p>
              <EvidenceList items={e.evidence} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}

const has = (me: Me, ...roles: string[]) => me.roles.some((r) => roles.includes(r));

/** Changes proposed on this deal that wait for someone else's approval, with the same actions as the approvals page. */
function Waiting({ view, dealId, me, onDone }: { view: DealView; dealId: string; me: Me; onDone: (position: number) => void }) {
  const [done, setDone] = useState<Outcome>();
  const pending = view.state.pendingChanges ?? [];
  const desk = view.state.dealDesk;
  const deskWaits = desk?.status === 'pending';
  if (!pending.length && !deskWaits && desk?.status !== 'rejected' && !done) return null;
  const deal = { dealId, name: view.state.name, ownerId: view.state.ownerId, currency: view.state.currency };
  const acted = (o: Outcome) => {
    setDone(o);
    onDone(o.position);
  };
  return (
    <Section title={`Waiting for approval (${pending.length + (deskWaits ? 1 : 0)})`}>
      {done && <p class="ok" role="status">{done.message}</p>}
      {desk?.status === 'rejected' && (
        <p class="error" data-testid="deal-desk-rejected">
          The deal desk rejected the terms{desk.decidedBy ? ` (${desk.decidedBy})` : ''}{desk.decisionReason ? `: “${desk.decisionReason}”` : ''}. The deal closes won only once new terms are agreed.
        </p>
      )}
      {deskWaits && desk && (
        <ol class="approvals" data-testid="deal-desk">
          <ApprovalItem item={dealDeskView(desk, deal)} me={me} onDone={acted} showDeal={false} />
        </ol>
      )}
      {pending.length === 0 ? <p class="muted">Nothing else waits.</p> : (
        <ol class="approvals" data-testid="pending-changes">
          {pending.map((p) => <ApprovalItem key={p.proposalId} item={pendingView(p, deal)} me={me} onDone={acted} showDeal={false} />)}
        </ol>
      )}
    </Section>
  );
}

/** What a member may do when less than everything, and the team that brought them. */
function memberNote(team: readonly TeamMemberView[], member: { userId: string; role: string }) {
  const note = noteOf(team, member);
  return note ? <small class="muted"> ({note})</small> : null;
}

/** One deal: its state, the exit criteria of its stage, the team and the full timeline; refreshed live. */
export function DealPage({ dealId, me }: { dealId: string; me: Me }) {
  const [basis, setBasis] = useState<'occurred' | 'recorded'>('occurred');
  const [minPosition, setMinPosition] = useState(0);
  const view = useApi<DealView>(`/deals/${encodeURIComponent(dealId)}`);
  const timelinePath = `/audit/deals/${encodeURIComponent(dealId)}?timeBasis=${basis}`;
  const audit = useApi<Audit>(`${timelinePath}&limit=${TIMELINE_PAGE}${minPosition ? `&minPosition=${minPosition}&waitMs=5000` : ''}`);
  // Events after the first page, read when asked for; dropped whenever the first page is read again.
  const [later, setLater] = useState<{ entries: readonly TimelineEntry[]; error?: Error }>({ entries: [] });
  useEffect(() => setLater({ entries: [] }), [audit.data]);
  const readLater = async () => {
    try {
      const page = await api<Audit>(`${timelinePath}&offset=${(audit.data?.entries.length ?? 0) + later.entries.length}&limit=${TIMELINE_PAGE}`);
      setLater((l) => ({ entries: [...l.entries, ...page.entries] }));
    } catch (error) {
      setLater((l) => ({ ...l, error: error as Error }));
    }
  };
  const status = useDealFeed((doc) => {
    const d = doc as { dealId: string; lastPosition: number };
    if (d.dealId === dealId) setMinPosition((p) => Math.max(p, d.lastPosition));
  });
  useEffect(() => {
    if (minPosition) view.reload();
  }, [minPosition]);
  const wrote = (position: number) => setMinPosition((p) => Math.max(p, position));
  // What the last form did, said where it was done: a fact under the criteria, a step under the next steps.
  const [done, setDone] = useState<{ where: 'criteria' | 'actions' | 'team'; done: Done }>();
  const acted = (where: 'criteria' | 'actions' | 'team') => (answer: CommandAnswer, step?: FactStep) => {
    setDone({ where, done: { answer, what: step?.title ?? 'The team change' } });
    wrote(answer.position);
  };
  const v = view.data;
  const mayChangeTeam = v !== undefined && mayOffer(me.roles, 'AddTeamMember');
  return (
    <div>
      <header class="page-head">
        <h1>{v ? v.state.name : 'Deal'}</h1>
        <LiveBadge status={status} />
      </header>
      <ErrorBox error={view.error} />
      <Loading when={view.loading && !v} />
      {v && (
        <>
          <dl class="facts">
            <div><dt>Account</dt><dd>{v.state.account.name}{v.state.account.industry ? ` (${v.state.account.industry})` : ''}</dd></div>
            <div><dt>Stage</dt><dd data-testid="deal-stage">{v.stage.stageName} <small class="muted">{percent(v.stage.probability)}</small></dd></div>
            <div><dt>Amount</dt><dd>{money(v.state.expectedAmountMinor, v.state.currency)}</dd></div>
            <div><dt>Status</dt><dd data-testid="deal-status">{v.state.status}{v.state.reversed ? ' (reversed)' : ''}</dd></div>
            <div><dt>Owner</dt><dd>{v.state.ownerId}</dd></div>
            <div><dt>In stage</dt><dd>{days(daysSince(v.state.stageEnteredAt))}</dd></div>
          </dl>
          <Waiting view={v} dealId={dealId} me={me} onDone={wrote} />
          <div class="two">
            <Criteria view={v} dealId={dealId} me={me} done={done?.where === 'criteria' ? done.done : undefined} onDone={acted('criteria')} />
            <Section title="Team">
              <ul class="team">
                {(audit.data?.team ?? v.state.team.map((m) => ({ ...m, since: undefined }))).map((m) => (
                  <li key={`${m.userId}/${m.role}`} data-testid="team-member">
                    <strong>{m.userId}</strong> {m.role}{m.since ? <small class="muted"> since {when(m.since.occurredAt)}</small> : null}{memberNote(v.state.team, m)}
                    {mayChangeTeam && <RemoveMember dealId={dealId} userId={m.userId} role={m.role} onDone={acted('team')} />}
                  </li>
                ))}
              </ul>
              {done?.where === 'team' && <CommandNotice answer={done.done.answer} what={done.done.what} />}
              {mayChangeTeam && <AddMemberForm dealId={dealId} onDone={acted('team')} />}
              {v.state.status === 'open' && <OfferedTeam dealId={dealId} canAdd={v.state.ownerId === me.userId || has(me, 'manager', 'sales-ops', 'admin')} onDone={wrote} />}
            </Section>
          </div>
          <DealActions dealId={dealId} deal={v.state} me={me} done={done?.where === 'actions' ? done.done : undefined} onDone={acted('actions')} />
          <SplitSection deal={{ dealId, ownerId: v.state.ownerId, splits: v.state.splits }} canEdit={has(me, 'rep', 'manager', 'sales-ops', 'admin')} onDone={wrote} />
        </>
      )}
      <Section
        title="Timeline"
        actions={
          <label class="inline">Order by{' '}
            <select value={basis} onChange={(e) => setBasis((e.target as HTMLSelectElement).value as 'occurred' | 'recorded')}>
              <option value="occurred">when it happened</option>
              <option value="recorded">when it was recorded</option>
            </select>
          </label>
        }
      >
        <ErrorBox error={audit.error} />
        {audit.data && <Timeline entries={[...audit.data.entries, ...later.entries]} />}
        {audit.data && (
          <ShowMore shown={audit.data.entries.length + later.entries.length} total={audit.data.total} step={TIMELINE_PAGE} what="events" onMore={() => void readLater()} />
        )}
        <ErrorBox error={later.error} />
      </Section>
    </div>
  );
}
