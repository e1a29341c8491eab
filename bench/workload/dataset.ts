import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { derivedUuid, EVENT_SCHEMA_VERSION, eventMetadataFor, requestHashOf } from '@deals/command-pipeline';
import {
  Actor, authorizedDealDecider, Command, commissionPlanDecider, createDealDecider, createUserDecider, Decider,
  commissionStreamId, DealCommand, dealStreamId, DomainEvent, planAssignmentDecider, relationsOf, userStreamId,
} from '@deals/domain';
import { SqliteEventStore, STORE_SCHEMA_VERSION } from '@deals/event-store';
import { dealLifecycle, DealStep, managersOf, Organisation, organisation } from './deal-lifecycle';

/**
 * A store of `events` events of realistic deal histories, written through the real deciders
 * (the same events and metadata the command path writes), cached under .tmp/bench/ by size
 * and generator version. Business time runs from January 2025; the store's clock follows it,
 * so `recordedAt` is a few hours after `occurredAt`, as when reps record facts the same day.
 */

/** Bump when the generated histories change. */
export const GENERATOR_VERSION = 1;

export interface Dataset {
  readonly dir: string;
  readonly eventsDb: string;
  readonly events: number;
  readonly deals: number;
  readonly reps: number;
  /** How long generating took (0 when it came from the cache). */
  readonly generatedSeconds: number;
  readonly fromCache: boolean;
  /** A rep and a quarter with won deals, for the statement figures. */
  readonly sampleRep: string;
  readonly samplePeriod: string;
  readonly firstMs: number;
  readonly lastMs: number;
}

const START_MS = Date.parse('2025-01-06T08:00:00.000Z');
const SPAN_MS = Date.parse('2026-09-30T00:00:00.000Z') - START_MS;
const ADMIN: Actor = { id: 'bench.admin', roles: ['admin'] };
const FINANCE: Actor = { id: 'fiona.finance', roles: ['finance'] };

const AE_RULES = {
  creditType: 'revenue', currency: 'EUR', baseRateBp: 1500, productRates: [{ productCode: 'X', rateBp: 2000 }],
  accelerators: { quarterEnd: { days: 10, multiplierBp: 12_500 } }, payoutTrigger: 'close', clawbackWindowDays: 90,
};
const AE_RULES_V2 = { ...AE_RULES, accelerators: { ...AE_RULES.accelerators, attainmentTiers: [{ aboveAttainmentBp: 10_000, multiplierBp: 11_000 }] } };
const SE_RULES = { creditType: 'overlay', currency: 'EUR', baseRateBp: 400, payoutTrigger: 'close', clawbackWindowDays: 90 };

/** Reps scale with the store: about 5,000 events per rep (~350 deals over the 21 months). */
export function repsFor(events: number): number {
  return Math.max(10, Math.round(events / 5000 / 10) * 10);
}

export function datasetDir(cacheRoot: string, events: number): string {
  return join(cacheRoot, `store-${events}-g${GENERATOR_VERSION}-s${STORE_SCHEMA_VERSION}`);
}

/** The cached data set of that size, or a new one (written to a temp folder, then renamed). */
export async function ensureDataset(cacheRoot: string, events: number, log: (m: string) => void = () => undefined): Promise<Dataset> {
  const dir = datasetDir(cacheRoot, events);
  const manifest = join(dir, 'dataset.json');
  if (existsSync(manifest)) return { ...(JSON.parse(readFileSync(manifest, 'utf8')) as Dataset), dir, eventsDb: join(dir, 'events.db'), fromCache: true, generatedSeconds: 0 };
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const started = performance.now();
  const facts = await generate(join(tmp, 'events.db'), events, log);
  const dataset: Dataset = { ...facts, dir, eventsDb: join(dir, 'events.db'), generatedSeconds: (performance.now() - started) / 1000, fromCache: false };
  writeFileSync(join(tmp, 'dataset.json'), JSON.stringify(dataset, null, 2));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dataset;
}

interface StreamCursor {
  state: unknown;
  revision: number;
  commands: number;
}

/** Writes commands' events the way the command path does, keeping each stream's state in memory instead of re-reading it. */
class Writer {
  readonly streams = new Map<string, StreamCursor>();
  events = 0;
  private pending: Promise<unknown>[] = [];
  clockMs = START_MS;
  readonly store: SqliteEventStore;

  constructor(path: string) {
    this.store = new SqliteEventStore({ path, durable: false, now: () => new Date(this.clockMs) });
  }

  /** Decides and submits; the append commits with the others of this turn when `flush` is awaited. */
  /** Answers the command id and the events decided. */
  send<S, C extends Command>(decider: Decider<S, C, DomainEvent>, streamId: string, command: C): { commandId: string; decided: readonly DomainEvent[] } {
    const cursor = this.streams.get(streamId) ?? { state: decider.initialState(), revision: -1, commands: 0 };
    const key = `seed-${cursor.commands}`;
    const commandId = derivedUuid('command', command.metadata.actor.id, `${streamId}-${key}`);
    const withId = { ...command, metadata: { ...command.metadata, commandId } } as C;
    const decided = decider.decide(withId, cursor.state as S);
    const metadata = eventMetadataFor(withId, requestHashOf(streamId, withId));
    let state = cursor.state as S;
    for (const e of decided) state = decider.evolve(state, { type: e.type, data: e.data, metadata });
    this.pending.push(this.store.append(
      streamId,
      decided.map((e, i) => ({
      eventId: derivedUuid('event', commandId, String(i)), type: e.type, schemaVersion: EVENT_SCHEMA_VERSION, data: e.data,
      metadata: { ...metadata, ...(e.occurredAt === undefined ? {} : { occurredAt: e.occurredAt }), ...(e.actor === undefined ? {} : { actor: e.actor }) },
    })),
      { expectedRevision: cursor.revision < 0 ? 'no_stream' : cursor.revision },
    ));
    this.streams.set(streamId, { state, revision: cursor.revision + decided.length, commands: cursor.commands + 1 });
    this.events += decided.length;
    return { commandId, decided };
  }

  async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }
}

function command<C extends Command>(type: C['type'], data: C['data'], actor: Actor, atMs: number): C {
  const at = new Date(atMs).toISOString();
  return { type, data, metadata: { commandId: '', actor, now: at, occurredAt: at } } as unknown as C;
}

/** Deals start in order over the span; the heap orders every deal's next step by business time. */
class StepHeap {
  private items: { atMs: number; deal: number; step: number }[] = [];
  get size() {
    return this.items.length;
  }
  push(item: { atMs: number; deal: number; step: number }) {
    const a = this.items;
    a.push(item);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (a[p].atMs <= a[i].atMs) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  peek() {
    return this.items[0];
  }
  pop() {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l].atMs < a[m].atMs) m = l;
        if (r < a.length && a[r].atMs < a[m].atMs) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

async function generate(path: string, target: number, log: (m: string) => void) {
  const reps = repsFor(target);
  const org = organisation(reps);
  const writer = new Writer(path);
  const users = createUserDecider();
  const setupAt = START_MS - 30 * 86_400_000;

  // People, plans and assignments first, as finance would set them up before the year starts.
  const people: [string, string[], string | undefined][] = [
    [ADMIN.id, ['admin'], undefined], [FINANCE.id, ['finance'], undefined], ['olga.ops', ['sales-ops'], undefined],
    ...managersOf(org).map((m): [string, string[], undefined] => [m, ['manager'], undefined]),
    ...org.reps.map((r): [string, string[], string] => [r, ['rep'], org.managerOfRep(r)]),
    ...org.salesEngineers.map((p): [string, string[], undefined] => [p, ['rep'], undefined]),
    ...org.sdrs.map((p): [string, string[], undefined] => [p, ['rep'], undefined]),
    ...org.implementationLeads.map((p): [string, string[], undefined] => [p, ['implementation'], undefined]),
    ...org.customerSuccessManagers.map((p): [string, string[], undefined] => [p, ['implementation'], undefined]),
  ];
  const relations = relationsOf(new Map(people.map(([userId, , managerId]) => [userId, managerId])));
  for (const [userId, roles, managerId] of people) {
    const data = { userId, name: userId, roles, ...(managerId ? { managerId } : {}) };
    writer.send(users as never, userStreamId(userId), command('RegisterUser', data, ADMIN, setupAt));
  }
  const plans: [string, number, string, object][] = [
    ['ae-plan', 1, '2025-01-01', AE_RULES], ['ae-plan', 2, '2026-01-01', AE_RULES_V2], ['se-plan', 1, '2025-01-01', SE_RULES],
  ];
  for (const [planId, version, effectiveFrom, rules] of plans) {
    const data = { planId, version, name: `${planId} v${version}`, effectiveFrom, rules };
    writer.send(commissionPlanDecider as never, commissionStreamId('plan', planId), command('PublishPlanVersion', data, FINANCE, setupAt));
  }
  const assign = (userId: string, planId: string, quotaMinor?: number) => {
    const data = { userId, planId, effectiveFrom: '2025-01-01', currency: 'EUR', ...(quotaMinor ? { quotaMinor } : {}) };
    writer.send(planAssignmentDecider as never, commissionStreamId('assignment', userId), command('AssignPlan', data, FINANCE, setupAt));
  };
  org.reps.forEach((r) => assign(r, 'ae-plan', 400_000_00));
  org.salesEngineers.forEach((p) => assign(p, 'se-plan'));
  writer.clockMs = setupAt;
  await writer.flush();

  // Deals: about 14 events each; start enough of them that the target is reached near the end of the span.
  const dealCount = Math.ceil(((target - writer.events) / 14) * 1.1);
  const dealDecider = createDealDecider();
  const shapes = new Map<number, { dealId: string; steps: DealStep[] }>();
  const heap = new StepHeap();
  let nextDeal = 0;
  const startOf = (i: number) => START_MS + Math.floor((i * SPAN_MS) / dealCount);
  const startDeal = () => {
    const i = nextDeal++;
    const dealId = derivedUuid('bench-deal', String(i));
    const steps = dealLifecycle(i, dealId, startOf(i), org);
    shapes.set(i, { dealId, steps });
    heap.push({ atMs: steps[0].atMs, deal: i, step: 0 });
  };
  let sinceFlush = 0;
  let chunkStartMs = START_MS;
  let lastLog = performance.now();
  let lastMs = START_MS;
  while (writer.events < target) {
    while (nextDeal < dealCount && (heap.size === 0 || startOf(nextDeal) <= heap.peek().atMs)) startDeal();
    if (heap.size === 0) break;
    const { atMs, deal, step } = heap.pop();
    // One commit per ~500 commands or per business hour, so recordedAt trails occurredAt by at most about an hour.
    if (sinceFlush > 0 && (sinceFlush >= 500 || atMs - chunkStartMs > 3_600_000)) {
      writer.clockMs = lastMs + 60_000;
      await writer.flush();
      sinceFlush = 0;
      if (performance.now() - lastLog > 10_000) {
        log(`  data set: ${writer.events.toLocaleString('en-US')} / ${target.toLocaleString('en-US')} events`);
        lastLog = performance.now();
      }
    }
    if (sinceFlush === 0) chunkStartMs = atMs;
    const { dealId, steps } = shapes.get(deal)!;
    const s = steps[step];
    const decider = authorizedDealDecider(relations, dealId, dealDecider);
    const c = command<DealCommand>(s.type, s.data as never, s.actor, atMs);
    const sent = writer.send(decider as never, dealStreamId(dealId), c);
    // A split naming the sales engineer waits for approval: the rep's manager approves it at once.
    if (sent.decided.some((e) => e.type === 'DealChangeProposed')) {
      const approver = { id: relations.managerOf(s.actor.id) ?? managersOf(org)[0], roles: ['manager'] };
      writer.send(decider as never, dealStreamId(dealId), command<DealCommand>('ReviewDealChange', { proposalId: sent.commandId, decision: 'approve' } as never, approver, atMs));
    }
    lastMs = atMs;
    if (step + 1 < steps.length) heap.push({ atMs: steps[step + 1].atMs, deal, step: step + 1 });
    else {
      shapes.delete(deal);
      writer.streams.delete(dealStreamId(dealId));
    }
    sinceFlush++;
  }
  writer.clockMs = lastMs + 60_000;
  await writer.flush();
  const events = await writer.store.headPosition();
  await writer.store.close();
  return {
    events, deals: nextDeal, reps, sampleRep: org.reps[Math.floor(reps / 2)], samplePeriod: '2026-Q1', firstMs: START_MS, lastMs,
  };
}

export type { Organisation };
