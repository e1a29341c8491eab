import { Inject, Injectable } from '@nestjs/common';
import {
  AccessDecision, Actor, authorizeDealRead, authorizePersonRead, createDealDecider, DEAL_READ_REACH, DealAccessFacts, DealEvent,
  OrganisationRole, peopleOnDeal, PermissionDeniedError, PersonFilter, readsEveryDeal, ReportFamily, scopeReportQuery,
} from '@deals/domain';
import { EVENT_STORE, EventStore, RecordedEvent } from '@deals/event-store';
import { toDomainEvent } from '../command-pipeline/handle-command';
import { dealStreamId } from '../deals/deal-stream';
import { AccessDenialRecorder } from './access-denial.recorder';
import { UserDirectory } from './user-directory';

const deals = createDealDecider();

/**
 * Read access in one place, for every endpoint that shows deals or people (statements too):
 * `can…` answers, `assert…` throws a recorded 403. Deal facts (owner, team, status) come from
 * the deal's own stream, so a rep reads a deal the moment they open it, with no projection lag.
 */
@Injectable()
export class AccessPolicy {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly users: UserDirectory,
    private readonly denials: AccessDenialRecorder,
  ) {}

  /** Undefined when the deal does not exist: the endpoint answers 404 and there is nothing to protect. */
  async canReadDeal(actor: Actor, dealId: string): Promise<AccessDecision | undefined> {
    if (readsEveryDeal(actor)) return { allowed: true };
    if (!actor.roles.some((role) => (DEAL_READ_REACH[role as OrganisationRole] ?? 'none') !== 'none')) {
      return authorizeDealRead(actor, { dealId, ownerId: '', team: [], status: 'open' }, () => undefined);
    }
    const history = await this.store.readStream(dealStreamId(dealId));
    if (history.length === 0) return undefined;
    const facts = dealFacts(dealId, history);
    const managers = new Map<string, string | undefined>();
    if (actor.roles.includes('manager')) {
      for (const person of peopleOnDeal(facts)) managers.set(person, await this.users.managerOf(person));
    }
    return authorizeDealRead(actor, facts, (person) => managers.get(person));
  }

  async canReadPerson(actor: Actor, personId: string): Promise<AccessDecision> {
    const quick = authorizePersonRead(actor, personId, undefined);
    if (quick.allowed || !actor.roles.includes('manager')) return quick;
    return authorizePersonRead(actor, personId, await this.users.managerOf(personId));
  }

  async assertCanReadDeal(actor: Actor, dealId: string): Promise<void> {
    await this.enforce(actor, await this.canReadDeal(actor, dealId));
  }

  async assertCanReadPerson(actor: Actor, personId: string): Promise<void> {
    await this.enforce(actor, await this.canReadPerson(actor, personId));
  }

  /** The filters to force on a report query for this actor; throws a recorded 403 when they may not see it. */
  async scopeReport(
    actor: Actor, family: ReportFamily, query: Readonly<Record<string, unknown>>, narrowableBy: readonly PersonFilter[],
  ): Promise<Readonly<Partial<Record<PersonFilter, string>>>> {
    const scope = scopeReportQuery(actor, family, query, narrowableBy);
    if (!scope.allowed) await this.enforce(actor, scope);
    return scope.allowed ? scope.narrowTo : {};
  }

  private async enforce(actor: Actor, decision: AccessDecision | undefined): Promise<void> {
    if (decision === undefined || decision.allowed) return;
    const error = new PermissionDeniedError(actor, decision);
    await this.denials.record(error);
    throw error;
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
