import { Actor, DealCommandOf, DealCommandType, Evidence } from '@deals/domain';
import { SeededRandom } from './random';
import { SeedAccount } from './seed-accounts';
import { SeedPerson } from './seed-org';

/** One command of a seeded deal: who sends it, when it happened, and its idempotency key. */
export interface DealStep<T extends DealCommandType = DealCommandType> {
  readonly key: string;
  readonly actor: Actor;
  readonly type: T;
  readonly data: DealCommandOf<T>['data'];
  readonly occurredAt: string;
}

export interface DealScript {
  readonly index: number;
  readonly dealId: string;
  readonly steps: readonly DealStep[];
  /** Who approves its changes that wait for approval, in the order asked (seed-approvals.ts). */
  readonly approvers: readonly Actor[];
}

export const actorOf = (person: SeedPerson): Actor => ({ id: person.userId, roles: [...person.roles] });

/** Collects a deal's steps and makes its evidence references (unique per deal, shaped like the real thing). */
export class DealScriptWriter {
  readonly steps: DealStep[] = [];
  private evidenceCount = 0;

  constructor(
    private readonly rng: SeededRandom,
    private readonly dealKey: string,
    private readonly account: SeedAccount,
  ) {}

  add<T extends DealCommandType>(actor: SeedPerson, type: T, data: DealCommandOf<T>['data'], occurredAt: string): void {
    const key = `${this.dealKey}-${String(this.steps.length).padStart(3, '0')}`;
    this.steps.push({ key, actor: actorOf(actor), type, data, occurredAt } as DealStep);
  }

  evidence(kind: Evidence['kind'], what: string): Evidence {
    const n = ++this.evidenceCount;
    const token = `${this.dealKey}.${n}`;
    switch (kind) {
      case 'email': return { kind, ref: `<${what}.${token}@mail.${this.account.domain}>` };
      case 'calendar': return { kind, ref: `cal-${token}` };
      case 'meeting': return { kind, ref: `mtg-${token}`, note: what };
      case 'call': return { kind, ref: `call-${token}`, note: what };
      case 'document': return { kind, ref: `${what}-${token}.pdf`, url: `https://docs.example/${this.dealKey}/${what}-${n}.pdf` };
      case 'signature': return { kind, ref: `envelope-${token}` };
      default: return { kind, ref: `${what}-${token}` };
    }
  }

  /** An email from the buyer, or a call note, or a meeting: how buyers answer varies. */
  buyerEvidence(what: string): Evidence {
    return this.evidence(this.rng.weighted([['email', 6], ['call', 2], ['meeting', 2]] as const), what);
  }
}
