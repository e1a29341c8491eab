import { authorizedDealDecider, Command, DealCommand, DealEvent, DomainError, Relations } from '@deals/domain';
import { DealScript } from './deal-script';
import { seedDataset, stepsUntil } from './seed-dataset';
import { isApproverRefusal } from './seed-approvals';
import { seedRelations } from './write-seed';

const FACTS_WITH_EVIDENCE = new Set([
  'RecordContactMade', 'RecordBuyerResponded', 'BookMeeting', 'ConfirmDecisionMaker', 'NoteBudget', 'NoteDecisionTimeframe',
  'RecordDemoHeld', 'ScheduleNextMeeting', 'RecordRecapEmailSent', 'RecordRecapConfirmed', 'DeliverProposal',
  'RecordProposalAcknowledged', 'AgreeTerms', 'GoLive',
]);

/** Runs a script through the deal decider behind the API's access check, in memory. */
function replay(script: DealScript, now: string, relations: Relations): DealEvent[] {
  const decider = authorizedDealDecider(relations, script.dealId);
  let state = decider.initialState();
  const events: DealEvent[] = [];
  const apply = (decided: readonly DealEvent[], occurredAt: string) => {
    for (const e of decided) {
      const recorded = { ...e, metadata: { occurredAt: e.occurredAt ?? occurredAt } } as DealEvent;
      state = decider.evolve(state, recorded);
      events.push(recorded);
    }
    return decided;
  };
  for (const [i, step] of script.steps.entries()) {
    const command = { type: step.type, data: step.data, metadata: { commandId: `c${i}`, actor: step.actor, now, occurredAt: step.occurredAt } } as Command as DealCommand;
    try {
      const decided = apply(decider.decide(command, state), step.occurredAt);
      const waits = decided.find((e) => e.type === 'DealChangeProposed' || e.type === 'DealDeskApprovalRequested');
      if (waits) {
        const approved = script.approvers.some((approver) => {
          const review = (waits.type === 'DealChangeProposed'
            ? { type: 'ReviewDealChange', data: { proposalId: `c${i}`, decision: 'approve' }, metadata: { commandId: `a${i}`, actor: approver, now } }
            : { type: 'DecideDealDesk', data: { requestId: `c${i}`, decision: 'approve', reason: 'seed' }, metadata: { commandId: `a${i}`, actor: approver, now } }) as DealCommand;
          try {
            apply(decider.decide(review, state), now);
            return true;
          } catch (error) {
            if (isApproverRefusal(error)) return false;
            throw error;
          }
        });
        if (!approved) throw new Error('no approver may approve it');
      }
    } catch (error) {
      throw new Error(`deal #${script.index} step ${i} ${step.type}: ${(error as DomainError).code ?? ''} ${(error as Error).message}`);
    }
  }
  return events;
}

describe('seed data set', () => {
  const NOW = '2026-11-01T00:00:00.000Z';

  it('is the same for the same seed (ids, data and business times) and differs for another seed', () => {
    const a = seedDataset({ seed: 'alpha', deals: 40 });
    const b = seedDataset({ seed: 'alpha', deals: 40 });
    const c = seedDataset({ seed: 'beta', deals: 40 });
    expect(b.org).toEqual(a.org);
    expect(b.plans).toEqual(a.plans);
    for (let i = 0; i < 40; i++) expect(b.deal(i)).toEqual(a.deal(i));
    expect(c.deal(0)).not.toEqual(a.deal(0));
    expect(c.org.accountExecutives.map((p) => p.userId)).not.toEqual(a.org.accountExecutives.map((p) => p.userId));
  });

  it('writes only what the domain accepts: 600 deals replay through the deciders and access checks', () => {
    const ds = seedDataset({ seed: 3, deals: 600, start: '2024-06-01' });
    for (let i = 0; i < 600; i++) expect(() => replay(ds.deal(i), NOW, seedRelations(ds))).not.toThrow();
  });

  it('looks like a real funnel: each open stage loses a third or so, about one deal in six is won', () => {
    const deals = 2000;
    const ds = seedDataset({ seed: 11, deals, start: '2024-01-01' });
    const reached = new Map<string, number>();
    let won = 0; let lost = 0; let overridden = 0; let reversed = 0; let coSold = 0; let live = 0;
    for (let i = 0; i < deals; i++) {
      const script = ds.deal(i);
      const events = replay(script, NOW, seedRelations(ds));
      const stages = new Set(['engaged', ...events.flatMap((e) => ('toStageId' in e.data ? [String(e.data.toStageId)] : []))]);
      for (const s of stages) reached.set(s, (reached.get(s) ?? 0) + 1);
      const types = new Set(events.map((e) => e.type));
      if (types.has('DealClosedWon')) won++;
      if (types.has('DealClosedLost')) lost++;
      if (types.has('StageOverridden')) overridden++;
      if (types.has('WonDealReversed')) reversed++;
      if (types.has('DealWentLive')) live++;
      const split = events.find((e) => e.type === 'CreditSplitsSet');
      if (split && (split.data as { revenue: readonly unknown[] }).revenue.length === 2) coSold++;
      const times = script.steps.map((s) => Date.parse(s.occurredAt));
      expect(times).toEqual([...times].sort((x, y) => x - y));
      for (const step of script.steps.filter((s) => FACTS_WITH_EVIDENCE.has(s.type))) {
        expect((step.data as { evidence: { ref: string } }).evidence.ref).toMatch(/\S/);
      }
    }
    const order = ['engaged', 'qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed'];
    const counts = order.map((s) => reached.get(s) ?? 0);
    for (let i = 1; i < counts.length; i++) {
      expect(counts[i] / counts[i - 1]).toBeGreaterThan(0.5);
      expect(counts[i] / counts[i - 1]).toBeLessThan(0.85);
    }
    expect(won / deals).toBeGreaterThan(0.1);
    expect(won / deals).toBeLessThan(0.25);
    expect(lost / deals).toBeGreaterThan(0.5);
    expect(overridden).toBeGreaterThan(10);
    expect(reversed).toBeGreaterThan(0);
    expect(coSold).toBeGreaterThan(10);
    expect(live / won).toBeGreaterThan(0.7);
  });

  it('spreads openings over the 15 months from the start and cuts every deal at the present', () => {
    const ds = seedDataset({ seed: 5, deals: 500, start: '2026-01-01' });
    const opened = Array.from({ length: 500 }, (_, i) => Date.parse(ds.deal(i).steps[0].occurredAt));
    expect(Math.min(...opened)).toBeGreaterThanOrEqual(Date.parse('2026-01-01T00:00:00Z'));
    expect(Math.max(...opened)).toBeLessThan(Date.parse('2027-04-05T00:00:00Z'));
    expect(Math.max(...opened) - Math.min(...opened)).toBeGreaterThan(400 * 86_400_000);
    const cutAt = Date.parse('2026-06-30T00:00:00Z');
    for (let i = 0; i < 500; i++) {
      const cut = stepsUntil(ds.deal(i), cutAt);
      for (const step of cut.steps) expect(Date.parse(step.occurredAt)).toBeLessThanOrEqual(cutAt);
    }
  });

  it('refuses sizes and starts it cannot honour', () => {
    expect(() => seedDataset({ seed: 1, deals: 0 })).toThrow(/deals must be an integer/);
    expect(() => seedDataset({ seed: 1, deals: 10, start: '2025-13-01' })).toThrow(/start must be a date/);
  });
});
