import { Inject, Injectable } from '@nestjs/common';
import {
  AccessTarget, Actor, authorize, Authorization, createDealDecider, DealAccessFacts, DealEvent, Operation, PermissionDeniedError,
} from '@deals/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@deals/event-store';
import { toDomainEvent } from '@deals/command-pipeline';
import { DealSummary } from '@deals/projections';
import { dealStreamId } from '../deals/deal-stream';
import { LiveUserDirectory } from './user-directory';

const deals = createDealDecider();

/**
 * The access table applied with what it needs to know: reporting lines from the user directory,
 * a deal's owner, team and status from its own stream (never behind a write). `check` answers,
 * `assert` throws the 403 (recorded by the error filter, the one path every refusal takes).
 */
@Injectable()
export class AccessPolicy {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly users: LiveUserDirectory,
  ) {}

  check(operation: Operation, actor: Actor, target: AccessTarget): Authorization {
    return authorize(operation, actor, target, this.users);
  }

  assert(operation: Operation, actor: Actor, target: AccessTarget): Authorization {
    const decision = this.check(operation, actor, target);
    if (!decision.allowed) throw new PermissionDeniedError(actor, decision);
    return decision;
  }

  /** The deal's access facts from its stream; undefined when it does not exist (the endpoint answers 404). */
  async dealFacts(dealId: string): Promise<DealAccessFacts | undefined> {
    const history = await this.store.readStream(dealStreamId(dealId));
    return history.length === 0 ? undefined : dealFacts(dealId, history);
  }

  /** Which deal summaries the actor may read now (for boards, reports and live feeds). */
  dealFilter(operation: Operation, actor: Actor): (deal: Pick<DealSummary, 'dealId' | 'ownerId' | 'team' | 'status'>) => boolean {
    const scope = this.check(operation, actor, { kind: 'organisation' });
    if (scope.allowed && !scope.narrowed) return () => true;
    return (d) => this.check('deal:read', actor, { kind: 'deal', dealId: d.dealId, deal: d }).allowed;
  }

  /** Which people's records the actor may read now. */
  personFilter(actor: Actor): (personId: string) => boolean {
    return (personId) => this.check('person:read', actor, { kind: 'person', personId }).allowed;
  }
}

/** Owner, team and status from the deal's events; a stream that cannot be folded gives nobody scoped access. */
function dealFacts(dealId: string, history: readonly RecordedEvent[]): DealAccessFacts {
  try {
    const state = history.reduce((s, e) => deals.evolve(s, toDomainEvent(e) as DealEvent), deals.initialState());
    if (state.exists) return { dealId, ownerId: state.ownerId, team: state.team, status: state.status };
  } catch {
    // An unreadable event (dead-lettered by the projections) must not open the deal to anyone.
  }
  return { dealId, ownerId: '', team: [], status: 'open' };
}
