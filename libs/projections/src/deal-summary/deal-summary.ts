import { ApprovalReason, DealDeskReason, DealStatus, PipelineRef, TeamMember } from '@deals/domain';

/** How a deal entered a stage. */
export type StageEntryVia = 'opened' | 'advanced' | 'overridden' | 'closed' | 'post-close' | 'migrated';

/** One stay of a deal in one stage, in business time (`metadata.occurredAt`, normalised to UTC). */
export interface StageStay {
  readonly stageId: string;
  readonly enteredAt: string;
  /** Absent while the deal is still in the stage. */
  readonly leftAt?: string;
  readonly via: StageEntryVia;
}

/**
 * A meeting held: a `DemoHeld` recorded with `attended = true` (the buyer was there; whether
 * their questions were answered is the exit criterion's business, not this count's). It is
 * credited to the actor who recorded it, at its business time. A demo recorded again with the
 * same evidence `ref` (a correction, or a second person logging the same call) counts once:
 * the first attended recording keeps the credit. Booked or scheduled meetings are promises, not
 * meetings held, so `MeetingBooked` and `NextMeetingScheduled` do not count.
 */
export interface MeetingHeld {
  readonly actorId: string;
  readonly at: string;
  /** The demo's evidence reference (typically the meeting id). */
  readonly ref: string;
}

/**
 * The deal's first contact: the `ContactMade` with the earliest business time (a contact
 * recorded later but dated earlier replaces it). Its channel gives the deal's origin (docs/kpis.md).
 */
export interface FirstContact {
  readonly channel: string;
  readonly at: string;
}

/** The buyer's decision timeframe last noted (`DecisionTimeframeNoted`): the deal's expected close date. */
export interface DecisionTimeframe {
  /** A date `YYYY-MM-DD` (or an instant), as the rep noted it. */
  readonly decisionBy: string;
  /** Business time it was noted. */
  readonly notedAt: string;
}

/** What happened after the close, in business time. */
export interface PostCloseFacts {
  readonly handedOffAt?: string;
  readonly implementationStartedAt?: string;
  readonly liveAt?: string;
  readonly implementationLeadId?: string;
  readonly customerSuccessManagerId?: string;
}

/**
 * One deal as pipeline and post-close metrics need it. Plain JSON: every time is an ISO-8601
 * UTC instant (`…Z`, so times compare as text), optional fields are absent rather than
 * undefined, and lists are arrays.
 */
/** A change waiting for approval: the command as proposed, who proposed it, when, and why it waits. */
export interface PendingChangeSummary {
  readonly proposalId: string;
  readonly type: string;
  readonly data: unknown;
  readonly proposedBy: string;
  readonly proposedAt: string;
  /** The business time the change is for (a backdated close, a split from before the close). */
  readonly occurredAt: string;
  readonly reasons: readonly ApprovalReason[];
}

/** The deal desk's request for the latest terms agreed, with the figures it was asked on and its answer. */
export interface DealDeskSummary {
  readonly requestId: string;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly requestedBy: string;
  /** Business time of the terms. */
  readonly requestedAt: string;
  readonly reasons: readonly DealDeskReason[];
  readonly priceMinor: number;
  readonly referenceMinor: number;
  readonly discountBp: number;
  readonly paymentTerms: string;
  /** Absent when the payment terms cannot be read as a number of days. */
  readonly paymentTermsDays?: number;
  readonly limits: { readonly maxDiscountBp: number; readonly floorPriceMinor: number; readonly maxPaymentTermsDays: number };
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly decisionReason?: string;
}

export interface DealSummary {
  readonly dealId: string;
  readonly name: string;
  readonly account: { readonly name: string; readonly industry?: string };
  readonly ownerId: string;
  readonly currency: string;
  /** The expected amount while open; the won amount once won. Integer minor units. */
  readonly amountMinor: number;
  /** The pipeline definition the deal follows for its whole life. */
  readonly pipeline: PipelineRef;
  readonly stageId: string;
  readonly stageName: string;
  /** Win probability of the current stage, from the deal's own pipeline definition. */
  readonly probability: number;
  readonly stageEnteredAt: string;
  readonly status: DealStatus;
  readonly reversed: boolean;
  readonly reversedAt?: string;
  /** Business time of `DealOpened`. */
  readonly openedAt: string;
  readonly closedAt?: string;
  readonly lostReason?: string;
  /** Current members, one entry per (person, role). */
  readonly team: readonly TeamMember[];
  /** Every (person, role) ever on the team, in the order first added. */
  readonly everOnTeam: readonly TeamMember[];
  /** Every stay in order; the last one is the current stage. */
  readonly stageHistory: readonly StageStay[];
  readonly meetingsHeld: readonly MeetingHeld[];
  /** Absent when no contact was recorded. */
  readonly firstContact?: FirstContact;
  /** Absent when no decision timeframe was noted. */
  readonly decisionTimeframe?: DecisionTimeframe;
  readonly postClose: PostCloseFacts;
  /** Changes waiting for approval (absent on documents written before approvals existed). */
  readonly pendingChanges?: readonly PendingChangeSummary[];
  /** The deal desk's request for the latest terms agreed; absent when they needed none. */
  readonly dealDesk?: DealDeskSummary;
  /** Latest business time of any deal event applied (events may be backdated). */
  readonly lastEventAt: string;
  /** Global position and stream revision of the last event applied. */
  readonly lastPosition: number;
  readonly revision: number;
}
