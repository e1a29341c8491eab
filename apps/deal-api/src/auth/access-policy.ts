import { Inject, Injectable } from '@nestjs/common';
import { AccessTarget, Actor, authorize, Authorization, DealAccessFacts, Operation, PermissionDeniedError } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { DealStream, readDeal } from '../deals/queries/load-deal';
import { LivePipelineCatalog } from '../pipelines/live-pipeline-catalog';
import { LiveUserDirectory } from './live-user-directory';

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
    private readonly pipelines: LivePipelineCatalog,
  ) {}

  check(operation: Operation, actor: Actor, target: AccessTarget): Authorization {
    return authorize(operation, actor, target, this.users);
  }

  assert(operation: Operation, actor: Actor, target: AccessTarget): Authorization {
    const decision = this.check(operation, actor, target);
    if (!decision.allowed) throw new PermissionDeniedError(actor, decision);
    return decision;
  }

  /**
   * The deal's stream and its access facts. No facts: the deal does not exist (the endpoint
   * answers 404). A stream the deal decider cannot fold (a poison event) gives nobody scoped access.
   */
  async dealFacts(dealId: string): Promise<{ stream?: DealStream; facts?: DealAccessFacts }> {
    let stream: DealStream;
    try {
      stream = await readDeal(this.store, dealId, this.pipelines);
    } catch {
      return { facts: { dealId, ownerId: '', team: [], status: 'open' } };
    }
    if (!stream.state.exists) return stream.events.length ? { facts: { dealId, ownerId: '', team: [], status: 'open' } } : { stream };
    const { ownerId, team, status } = stream.state;
    return { stream, facts: { dealId, ownerId, team, status } };
  }

  /** Which people's records the actor may read now. */
  personFilter(actor: Actor): (personId: string) => boolean {
    return (personId) => this.check('person:read', actor, { kind: 'person', personId }).allowed;
  }
}
