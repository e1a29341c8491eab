import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { CredentialCommandHandler } from '../auth/accounts/credential-command.handler';
import { CredentialDirectory } from '../auth/accounts/credential-directory';
import { PasswordHasher } from '../auth/accounts/password-hasher';
import { newSecretToken, tokenHash } from '../auth/accounts/secret-token';
import { LiveUserDirectory } from '../auth/live-user-directory';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { UserCommandHandler } from '../auth/users/user-command.handler';
import { derivedUuid, newAggregateId } from '@deals/command-pipeline';
import { approveWithFirstAllowed } from '@deals/seed';
import { CommissionCommandHandler } from '../commission/commands/commission-command.handler';
import { DealCommandHandler } from '../deals/commands/deal-command.handler';
import { DEMO_ASSIGNMENTS, DEMO_PLANS } from './demo-commission';
import { demoPassword } from './demo-passwords';
import { demoPlan } from './demo-plan';
import { DEMO_USERS } from './demo-users';

/** The demo's approvers, in the order asked: the sales manager, sales-ops, finance. */
const DEMO_APPROVERS = ['manager', 'sales-ops', 'finance'].flatMap((role) =>
  DEMO_USERS.filter((u) => u.roles.includes(role as never)).map((u) => ({ id: u.userId, roles: [...u.roles] })));

const MARKER_STREAM = 'demo-dataset';

export interface DemoDataSummary {
  readonly deals: number;
  readonly commands: number;
  readonly sampleDealIds: readonly string[];
}

export async function demoDataSummary(store: EventStore): Promise<DemoDataSummary | undefined> {
  const [marker] = await store.readStream(MARKER_STREAM, { maxCount: 1 });
  return marker?.data as DemoDataSummary | undefined;
}

/** Loads the demo data set once, on first start. Idempotency keys make a crashed load resumable. */
@Injectable()
export class DemoLoaderService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoLoaderService');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: DealCommandHandler,
    private readonly users: UserCommandHandler,
    private readonly directory: LiveUserDirectory,
    private readonly commission: CommissionCommandHandler,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly credentialCommands: CredentialCommandHandler,
    private readonly credentials: CredentialDirectory,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.registerUsers();
    await this.setPasswords();
    if (await demoDataSummary(this.store)) return;
    const now = new Date();
    const steps = demoPlan(now);
    this.logger.log(`Loading demo data: ${steps.length} commands`);
    await this.loadPlans();
    const dealIds = new Set<string>();
    for (const step of steps) {
      const ctx = { actor: step.actor, idempotencyKey: step.key };
      const firstKey = `${step.dealKey}-00`;
      const dealId = newAggregateId('deal', steps.find((s) => s.key === firstKey)!.actor.id, firstKey);
      dealIds.add(dealId);
      const data = step.type === 'OpenDeal' ? { ...step.data, dealId } : step.data;
      const answer = await this.commands.handle(ctx, dealId, step.type, data as never, step.occurredAt);
      if (answer.proposalId !== undefined) await this.approve(dealId, answer.proposalId, step.key);
      if (answer.dealDeskRequestId !== undefined) await this.approveTerms(dealId, answer.dealDeskRequestId, step.key);
    }
    await this.store.append(MARKER_STREAM, [
      {
        eventId: derivedUuid('demo-dataset', 'v1'),
        type: 'DemoDataLoaded',
        data: { deals: dealIds.size, commands: steps.length, sampleDealIds: [...dealIds].slice(0, 3) },
        metadata: { actor: { id: 'system', roles: ['admin'] }, occurredAt: now.toISOString() },
      },
    ]);
    this.logger.log(`Demo data loaded: ${dealIds.size} deals`);
  }

  /** What waits for approval in the demo history (closes dated back, splits naming others) the first allowed approver approves. */
  private async approve(dealId: string, proposalId: string, key: string): Promise<void> {
    const approved = await approveWithFirstAllowed(DEMO_APPROVERS, (actor) =>
      this.commands.handle({ actor, idempotencyKey: `${key}-approval-${actor.id}` }, dealId, 'ReviewDealChange', { proposalId, decision: 'approve', reason: 'Approved when it happened (demo history)' }));
    if (!approved) this.logger.log(`Demo change ${proposalId} on deal ${dealId} waits for approval`);
  }

  /** Terms the deal desk holds (a price list configured with the demo, say) the sales manager approves, as it happened. */
  private async approveTerms(dealId: string, requestId: string, key: string): Promise<void> {
    const approved = await approveWithFirstAllowed(DEMO_APPROVERS, (actor) =>
      this.commands.handle({ actor, idempotencyKey: `${key}-deal-desk-${actor.id}` }, dealId, 'DecideDealDesk', { requestId, decision: 'approve', reason: 'Approved when it happened (demo history)' }));
    if (!approved) this.logger.log(`Demo terms ${requestId} on deal ${dealId} wait for the deal desk`);
  }

  private async loadPlans(): Promise<void> {
    const actor = { id: 'fiona.finance', roles: ['finance'] };
    for (const plan of DEMO_PLANS) {
      await this.commission.handle({ actor, idempotencyKey: `demo-plan-${plan.planId}-${plan.version}` }, 'plan', plan.planId, 'PublishPlanVersion', { ...plan, rules: plan.rules });
    }
    for (const a of DEMO_ASSIGNMENTS) {
      await this.commission.handle({ actor, idempotencyKey: `demo-assignment-${a.userId}` }, 'assignment', a.userId, 'AssignPlan', {
        userId: a.userId, planId: a.planId, effectiveFrom: '2026-01-01', currency: 'EUR',
      });
    }
  }

  /** The demo password (demo-passwords.ts) for each demo user who has none yet, through a link like anyone's. */
  private async setPasswords(): Promise<void> {
    const password = demoPassword(this.config);
    if (password === undefined) return;
    const actor = { id: 'system', roles: ['admin'] };
    const passwordHash = await this.hasher.hash(password);
    for (const user of DEMO_USERS) {
      if (this.credentials.of(user.userId)?.passwordHash !== undefined) continue;
      const token = newSecretToken();
      const expiresAt = new Date(Date.now() + 60_000).toISOString();
      await this.credentialCommands.handle(actor, 'IssuePasswordLink', { userId: user.userId, linkId: randomUUID(), purpose: 'invitation', tokenHash: tokenHash(token), expiresAt });
      await this.credentialCommands.handle({ id: user.userId, roles: [...user.roles] }, 'SetPassword', { userId: user.userId, tokenHash: tokenHash(token), passwordHash });
    }
  }

  /** Each demo user once, also into a store whose deals were loaded before users existed. */
  private async registerUsers(): Promise<void> {
    const ctx = { actor: { id: 'system', roles: ['admin'] } };
    for (const user of DEMO_USERS) {
      if (await this.directory.find(user.userId)) continue;
      await this.users.handle(ctx, 'RegisterUser', { ...user, roles: [...user.roles] });
    }
  }
}
