import { RecordedFacts } from '../pipeline/recorded-fact';
import { CreditShare } from './credit-split';
import { TeamMember } from './deal-team';
import { ApprovalReason, DealDeskReason, LineItem, PipelineRef } from './deal.events';

export type DealStatus = 'open' | 'won' | 'lost';

/** Where a won deal is after the close. */
export interface ImplementationProgress {
  readonly handedAt?: string;
  readonly startedAt?: string;
  readonly liveAt?: string;
  readonly handedOff: boolean;
  readonly started: boolean;
  readonly live: boolean;
}

/** A change waiting for approval. */
export interface PendingChange {
  readonly proposalId: string;
  readonly change: { readonly type: string; readonly data: unknown };
  readonly occurredAt: string;
  readonly proposedBy: string;
  readonly proposerRoles?: readonly string[];
  readonly reasons: readonly ApprovalReason[];
  readonly proposedAt?: string;
}

/** The deal desk's request for the latest terms agreed, and its answer. */
export interface DealDeskRequest {
  readonly requestId: string;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly requestedBy: string;
  readonly reasons: readonly DealDeskReason[];
  readonly requestedAt?: string;
  readonly decidedBy?: string;
  readonly decidedAt?: string;
  readonly decisionReason?: string;
}

/** Everything `decide` needs to know about one deal, folded from its events. */
export interface DealState {
  readonly exists: boolean;
  readonly dealId: string;
  readonly name: string;
  readonly account: { readonly name: string; readonly industry?: string };
  readonly ownerId: string;
  readonly currency: string;
  readonly expectedAmountMinor: number;
  readonly lineItems: readonly LineItem[];
  /** The amount and line items the deal opened with: the pipeline's reference price for the deal desk. */
  readonly opening?: { readonly amountMinor: number; readonly lineItems: readonly LineItem[] };
  readonly pipeline: PipelineRef;
  readonly stageId: string;
  readonly status: DealStatus;
  readonly reversed: boolean;
  /** Latest data, evidence and business time for each buyer fact recorded. */
  readonly facts: RecordedFacts;
  readonly team: readonly TeamMember[];
  /** The credit splits last set (the split in force now); absent until set. */
  readonly splits?: { readonly revenue: readonly CreditShare[]; readonly overlay: readonly CreditShare[] };
  readonly implementation: ImplementationProgress;
  /** Proposed changes not yet approved, rejected or withdrawn, oldest first. */
  readonly pendingChanges: readonly PendingChange[];
  /** The deal desk's request for the latest terms agreed; absent when they needed none. */
  readonly dealDesk?: DealDeskRequest;
  readonly lostReason?: string;
  /** Business times, from event metadata; absent when events carry no metadata. */
  readonly openedAt?: string;
  readonly stageEnteredAt?: string;
  readonly closedAt?: string;
  readonly reversedAt?: string;
}

export function initialDealState(): DealState {
  return {
    exists: false,
    dealId: '',
    name: '',
    account: { name: '' },
    ownerId: '',
    currency: '',
    expectedAmountMinor: 0,
    lineItems: [],
    pipeline: { id: '', version: 0 },
    stageId: '',
    status: 'open',
    reversed: false,
    facts: {},
    team: [],
    implementation: { handedOff: false, started: false, live: false },
    pendingChanges: [],
  };
}
