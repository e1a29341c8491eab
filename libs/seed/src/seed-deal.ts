import { derivedUuid } from '@deals/command-pipeline';
import { CreditShare, LineItem } from '@deals/domain';
import { DAY_MS, DealTimeline } from './deal-timeline';
import { actorOf, DealScript, DealScriptWriter } from './deal-script';
import { approverCandidates } from './seed-approvals';
import { SeededRandom } from './random';
import { scaleLineItems, seedAccount, seedDealName, seedLineItems, totalOf } from './seed-accounts';
import { SeedOrg, SeedPerson } from './seed-org';

export interface SeedDealContext {
  readonly seed: string;
  readonly org: SeedOrg;
  /** Deals open from `startMs` over `spanDays` days. */
  readonly startMs: number;
  readonly spanDays: number;
}

/**
 * How deals move through the default pipeline: the share that passes each open stage, and the
 * median stay in days (log-normal, sigma 0.55). About 16% of opened deals are won.
 */
export const STAGE_MODEL = [
  { id: 'engaged', pass: 0.62, medianDays: 6 },
  { id: 'qualified', pass: 0.68, medianDays: 10 },
  { id: 'product-evaluated', pass: 0.65, medianDays: 14 },
  { id: 'proposal-reviewed', pass: 0.72, medianDays: 12 },
  { id: 'terms-agreed', pass: 0.82, medianDays: 9 },
] as const;

type StageId = (typeof STAGE_MODEL)[number]['id'];

const LOST_REASONS: Record<StageId, readonly (readonly [string, number])[]> = {
  engaged: [['No response after several attempts', 5], ['Not a fit: company too small', 2], ['Already under contract elsewhere', 2]],
  qualified: [['No budget this year', 4], ['No decision maker identified', 3], ['Project postponed', 2]],
  'product-evaluated': [['Missing feature: SSO for all tiers', 2], ['Chose a competitor', 4], ['Evaluation went dark', 3]],
  'proposal-reviewed': [['Price too high', 4], ['Chose a competitor', 4], ['Budget cut after reorganisation', 2]],
  'terms-agreed': [['Legal review failed on liability terms', 2], ['Procurement chose the incumbent', 3], ['Signature withheld: budget freeze', 2]],
};

/** One deal's commands, from opening to wherever it ends (which may be in the future: the writer cuts there). */
export function seedDeal(ctx: SeedDealContext, index: number): DealScript {
  return new SeededDeal(ctx, index).script();
}

class SeededDeal {
  private readonly rng: SeededRandom;
  private readonly t: DealTimeline;
  private readonly w: DealScriptWriter;
  private readonly dealId: string;
  private readonly owner: SeedPerson;
  private readonly manager: SeedPerson;
  private readonly sdr?: SeedPerson;
  private se?: SeedPerson;
  private coSeller?: SeedPerson;
  private recapConfirmed = false;
  private lineItems: LineItem[];

  constructor(private readonly ctx: SeedDealContext, private readonly index: number) {
    const { org } = ctx;
    this.rng = new SeededRandom(ctx.seed, `deal-${index}`);
    this.dealId = derivedUuid('seed-deal', ctx.seed, String(index));
    const account = seedAccount(this.rng);
    this.w = new DealScriptWriter(this.rng, `s${ctx.seed}-d${index}`, account);
    this.t = new DealTimeline(this.rng, ctx.startMs + this.rng.next() * ctx.spanDays * DAY_MS);
    this.owner = this.rng.weighted(org.accountExecutives.map((p) => [p, p.weight] as const));
    this.manager = org.managers.find((m) => m.userId === this.owner.managerId) ?? org.managers[0];
    if (this.rng.chance(0.4)) this.sdr = this.rng.pick(org.salesDevelopmentReps);
    this.lineItems = seedLineItems(this.rng);
    const year = new Date(this.t.now).getUTCFullYear();
    const currency = this.rng.chance(0.85) ? 'EUR' : 'USD';
    this.w.add(this.sdr ?? this.owner, 'OpenDeal', {
      dealId: this.dealId, name: seedDealName(this.rng, account, year), account: { name: account.name, industry: account.industry },
      ownerId: this.owner.userId, currency, expectedAmountMinor: totalOf(this.lineItems), lineItems: this.lineItems,
      team: [
        { userId: this.owner.userId, role: 'account-executive' },
        ...(this.sdr ? [{ userId: this.sdr.userId, role: 'sales-development-rep' as const }] : []),
      ],
    }, this.t.at(this.t.now));
  }

  script(): DealScript {
    for (const stage of STAGE_MODEL) {
      const end = this.t.now + Math.min(stage.medianDays * 8, Math.max(0.3, this.rng.logNormal(stage.medianDays, 0.55))) * DAY_MS;
      const passes = this.rng.chance(stage.pass);
      this.touches(stage.id, end);
      const moved = this.work(stage.id, passes, end);
      if (!passes) {
        this.lose(stage.id, end);
        break;
      }
      if (!moved && stage.id !== 'terms-agreed') this.w.add(this.owner, 'AdvanceStage', {}, this.t.at(end));
    }
    const { org } = this.ctx;
    const approvers = approverCandidates(actorOf(this.manager), org.managers.map(actorOf), actorOf(org.salesOps), actorOf(org.finance));
    return { index: this.index, dealId: this.dealId, steps: this.w.steps, approvers };
  }

  /** Outreach the rep (or SDR) logs during a stay: a sequence of touches to engage, fewer follow-ups later. */
  private touches(stage: StageId, end: number): void {
    const count = stage === 'engaged' ? this.rng.int(1, 6) : this.rng.weighted([[0, 3], [1, 4], [2, 2], [3, 1]] as const);
    for (let i = 0; i < count; i++) {
      const channel = this.rng.weighted([['email', 5], ['phone', 3], ['linkedin', 1]] as const);
      const who = this.sdr && this.rng.chance(0.4) ? this.sdr : this.owner;
      this.w.add(who, 'RecordContactMade', {
        channel, evidence: this.w.evidence(channel === 'phone' ? 'call' : channel === 'email' ? 'email' : 'other', 'follow-up'),
      }, this.t.toward(end, 0.05, 0.3));
    }
  }

  /** The stage's buyer facts; all of them when the deal passes. True when the stage was left by an override. */
  private work(stage: StageId, passes: boolean, end: number): boolean {
    switch (stage) {
      case 'engaged': return this.engaged(passes, end);
      case 'qualified': return this.qualified(passes, end);
      case 'product-evaluated': return this.productEvaluated(passes, end);
      case 'proposal-reviewed': return this.proposalReviewed(passes, end);
      case 'terms-agreed': return this.termsAgreed(passes, end);
    }
  }

  private engaged(passes: boolean, end: number): boolean {
    const booker = this.sdr ?? this.owner;
    if (passes || this.rng.chance(0.4)) {
      const who = this.rng.chance(0.3) ? this.ctx.org.integration : booker;
      this.w.add(who, 'RecordBuyerResponded', { evidence: this.w.evidence('email', 'reply') }, this.t.toward(end));
    }
    if (passes) {
      const at = this.t.toward(end);
      this.w.add(booker, 'BookMeeting', {
        meetingId: `cal-${this.dealId.slice(0, 8)}-first`, scheduledFor: new Date(Date.parse(at) + this.rng.int(1, 6) * DAY_MS).toISOString(),
        evidence: this.w.evidence('calendar', 'first-meeting'),
      }, at);
    }
    return false;
  }

  private qualified(passes: boolean, end: number): boolean {
    const facts = passes ? 3 : this.rng.int(0, 2);
    if (facts >= 1) {
      this.w.add(this.owner, 'ConfirmDecisionMaker', {
        contactName: `${this.rng.pick(['Alex', 'Sam', 'Robin', 'Kim', 'Jordan', 'Maria', 'Tom'])} ${this.rng.pick(['Meyer', 'Lopez', 'Chen', 'Smith', 'Nowak'])}`,
        contactTitle: this.rng.pick(['VP Operations', 'CFO', 'Head of IT', 'COO', 'Director of Sales']),
        evidence: this.w.evidence('meeting', 'discovery call'),
      }, this.t.toward(end));
    }
    if (facts >= 2) {
      const expected = totalOf(this.lineItems);
      this.w.add(this.owner, 'NoteBudget', {
        minMinor: Math.round(expected * 0.7 / 100) * 100, maxMinor: Math.round(expected * (1 + this.rng.next() * 0.4) / 100) * 100,
        evidence: this.w.buyerEvidence('budget'),
      }, this.t.toward(end));
    }
    if (facts >= 3) {
      const at = this.t.toward(end);
      this.w.add(this.owner, 'NoteDecisionTimeframe', {
        decisionBy: new Date(Date.parse(at) + this.rng.int(30, 120) * DAY_MS).toISOString().slice(0, 10),
        evidence: this.w.buyerEvidence('timeframe'),
      }, at);
    }
    if (passes && this.rng.chance(0.55)) {
      this.se = this.rng.pick(this.ctx.org.salesEngineers);
      this.w.add(this.owner, 'AddTeamMember', { userId: this.se.userId, role: 'sales-engineer' }, this.t.toward(end));
    }
    return false;
  }

  private productEvaluated(passes: boolean, end: number): boolean {
    const presenter = this.se ?? this.owner;
    if (this.rng.chance(0.1)) {
      const support = this.rng.pick(this.ctx.org.supportReps);
      this.w.add(this.owner, 'AddTeamMember', { userId: support.userId, role: 'support-rep' }, this.t.toward(end));
    }
    if (this.rng.chance(0.15)) {
      this.w.add(presenter, 'RecordDemoHeld', { attended: false, questionsAnswered: false, evidence: this.w.evidence('meeting', 'demo (no-show)') }, this.t.toward(end));
    }
    if (!passes && this.rng.chance(0.5)) return false;
    this.w.add(presenter, 'RecordDemoHeld', { attended: true, questionsAnswered: passes || this.rng.chance(0.5), evidence: this.w.evidence('meeting', 'demo') }, this.t.toward(end));
    const next = this.t.toward(end);
    this.w.add(this.owner, 'ScheduleNextMeeting', {
      meetingId: `cal-${this.dealId.slice(0, 8)}-followup`, scheduledFor: new Date(Date.parse(next) + this.rng.int(2, 10) * DAY_MS).toISOString(),
      evidence: this.w.evidence('calendar', 'follow-up'),
    }, next);
    this.w.add(this.owner, 'RecordRecapEmailSent', { evidence: this.w.evidence('email', 'recap') }, this.t.toward(end));
    if (!passes) return false;
    if (this.rng.chance(0.07)) {
      this.w.add(this.manager, 'OverrideStage', {
        toStageId: 'proposal-reviewed', reason: 'Buyer confirmed the recap on a call; the written confirmation is pending',
      }, this.t.at(end));
      return true;
    }
    const confirmer = this.rng.chance(0.4) ? this.ctx.org.integration : this.owner;
    this.w.add(confirmer, 'RecordRecapConfirmed', { evidence: this.w.evidence('email', 'recap-reply') }, this.t.toward(end));
    this.recapConfirmed = true;
    return false;
  }

  private proposalReviewed(passes: boolean, end: number): boolean {
    if (passes && this.rng.chance(0.12)) {
      this.coSeller = this.rng.pick(this.ctx.org.accountExecutives.filter((p) => p.userId !== this.owner.userId));
      if (this.coSeller) this.w.add(this.owner, 'AddTeamMember', { userId: this.coSeller.userId, role: 'account-executive' }, this.t.toward(end));
    }
    this.w.add(this.owner, 'DeliverProposal', { evidence: this.w.evidence('document', 'proposal') }, this.t.toward(end));
    if (this.rng.chance(0.25)) {
      const total = Math.round((totalOf(this.lineItems) * (0.85 + this.rng.next() * 0.1)) / 10_000) * 10_000;
      this.lineItems = scaleLineItems(this.lineItems, total);
      this.w.add(this.owner, 'ChangeAmount', {
        expectedAmountMinor: total, lineItems: this.lineItems,
        reason: this.rng.pick(['Discount agreed in negotiation', 'Fewer seats in the first year', 'Multi-year commitment discount']),
      }, this.t.toward(end));
    }
    if (!passes) return false;
    this.w.add(this.owner, 'RecordProposalAcknowledged', { evidence: this.w.buyerEvidence('proposal-ack') }, this.t.toward(end));
    if (this.rng.chance(0.03)) {
      // The buyer reopens the evaluation: back one stage, a second demo, then forward again.
      this.w.add(this.manager, 'OverrideStage', { toStageId: 'product-evaluated', reason: 'Buyer asked for a second technical evaluation' }, this.t.toward(end));
      this.w.add(this.se ?? this.owner, 'RecordDemoHeld', { attended: true, questionsAnswered: true, evidence: this.w.evidence('meeting', 'technical deep-dive') }, this.t.toward(end));
      if (!this.recapConfirmed) this.w.add(this.owner, 'RecordRecapConfirmed', { evidence: this.w.evidence('email', 'recap-reply') }, this.t.toward(end));
      this.w.add(this.owner, 'AdvanceStage', {}, this.t.toward(end));
    }
    return false;
  }

  private termsAgreed(passes: boolean, end: number): boolean {
    if (!passes && this.rng.chance(0.7)) return false;
    this.w.add(this.owner, 'AgreeTerms', {
      priceMinor: totalOf(this.lineItems), paymentTerms: this.rng.pick(['Net 30', 'Net 45', 'Net 60', 'Annual upfront']),
      deliveryTimeline: this.rng.pick(['Kick-off within 2 weeks', 'Go-live within 90 days', 'Phased rollout over two quarters']),
      evidence: this.w.buyerEvidence('terms'),
    }, this.t.toward(end));
    if (!passes) return false;
    this.w.add(this.rng.chance(0.2) ? this.ctx.org.salesOps : this.owner, 'SetCreditSplits', this.splits(), this.t.toward(end));
    const signer = this.rng.chance(0.5) ? this.ctx.org.integration : this.owner;
    const closedAt = this.t.at(end);
    this.w.add(signer, 'CloseWon', { signedOrder: this.w.evidence('signature', 'order') }, closedAt);
    this.afterClose(Date.parse(closedAt));
    return true;
  }

  private splits() {
    const revenue: CreditShare[] = this.coSeller
      ? [
          { userId: this.owner.userId, role: 'account-executive', shareBp: this.rng.chance(0.5) ? 6000 : 5000 },
          { userId: this.coSeller.userId, role: 'account-executive', shareBp: 0 },
        ]
      : [{ userId: this.owner.userId, role: 'account-executive', shareBp: 10_000 }];
    if (revenue.length === 2) revenue[1] = { ...revenue[1], shareBp: 10_000 - revenue[0].shareBp };
    const overlay: CreditShare[] = [
      ...(this.se ? [{ userId: this.se.userId, role: 'sales-engineer' as const, shareBp: 5000 }] : []),
      ...(this.sdr ? [{ userId: this.sdr.userId, role: 'sales-development-rep' as const, shareBp: 2000 }] : []),
    ];
    return { revenue, overlay, reason: this.coSeller ? 'Co-sold by two account executives' : 'Standard split' };
  }

  /** Hand-off, implementation and go-live, each after a log-normal wait; a few wins are reversed instead. */
  private afterClose(closedMs: number): void {
    const { org } = this.ctx;
    const reversedMs = this.rng.chance(0.03) ? closedMs + this.rng.logNormal(25, 0.5) * DAY_MS : Infinity;
    const lead = this.rng.pick(org.implementationLeads);
    const csm = this.rng.pick(org.customerSuccessManagers);
    const handOffMs = closedMs + (this.rng.chance(0.1) ? this.rng.logNormal(12, 0.4) : this.rng.logNormal(2.5, 0.6)) * DAY_MS;
    const startMs = handOffMs + this.rng.logNormal(6, 0.5) * DAY_MS;
    const liveMs = this.rng.chance(0.92) ? startMs + this.rng.logNormal(40, 0.45) * DAY_MS : Infinity;
    if (handOffMs < reversedMs) {
      this.w.add(this.rng.chance(0.6) ? lead : this.owner, 'HandToImplementation', {
        implementationLeadId: lead.userId, customerSuccessManagerId: csm.userId, evidence: this.w.evidence('meeting', 'hand-off'),
      }, this.t.at(handOffMs));
      if (startMs < reversedMs) {
        this.w.add(lead, 'StartImplementation', { evidence: this.w.evidence('meeting', 'kick-off') }, this.t.at(startMs));
        if (liveMs < reversedMs) this.w.add(lead, 'GoLive', { evidence: this.w.evidence('email', 'go-live') }, this.t.at(liveMs));
      }
    }
    if (reversedMs < Infinity) {
      this.w.add(this.manager, 'ReverseWonDeal', {
        reason: this.rng.pick(['Order cancelled within the cooling-off period', 'First invoice unpaid; contract terminated']),
        evidence: this.w.evidence('document', 'cancellation'),
      }, this.t.at(reversedMs));
    }
  }

  /** Most deals that do not pass are lost with a reason; about one in seven just stalls (stuck, still open). */
  private lose(stage: StageId, end: number): void {
    if (this.rng.chance(0.15)) return;
    const who = this.rng.chance(0.1) ? this.manager : this.owner;
    const evidence = this.rng.chance(0.6) ? { evidence: this.w.buyerEvidence('lost') } : {};
    this.w.add(who, 'CloseLost', { reason: this.rng.weighted(LOST_REASONS[stage]), ...evidence }, this.t.at(end + this.rng.logNormal(3, 0.6) * DAY_MS));
  }
}
