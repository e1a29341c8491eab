import { readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { commandMetadata, handleCommand } from '@deals/command-pipeline';
import { AnyDealLifecycleEventV1 } from '@deals/contracts';
import { createDealDecider, DealCommand, dealStreamId } from '@deals/domain';
import { SqliteEventStore } from '@deals/event-store';
import { RelayService, relayConfigFromEnv } from '@deals/kafka-relay';
import { seedDataset, writeSeed } from '@deals/seed';
import { BROKER_START_TIMEOUT_MS, testKafkaBrokers } from '../../../../deploy/kafka/testing/test-broker';
import { readTopic } from '../../../../deploy/kafka/testing/topic-reader';
import { CapturedLogger } from '../testing/captured-logger';

const SCHEMAS = join(__dirname, '..', '..', '..', '..', 'docs', 'schemas', 'deal-lifecycle.v1');

/** The shipped schemas leave room for fields added later; here every object must hold only what its schema lists. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closed(s)])) : closed(v)]));
  return 'properties' in copy && !('additionalProperties' in copy) ? { ...copy, additionalProperties: false } : copy;
}

function validators(): Map<string, ValidateFunction> {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const byType = new Map<string, ValidateFunction>();
  for (const file of readdirSync(SCHEMAS)) {
    byType.set(file.replace('.schema.json', ''), ajv.compile(closed(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8'))) as object));
  }
  return byType;
}

/** One deal through the command path with times as a client in Central Europe sends them. */
async function dealWithClientOffsets(store: SqliteEventStore): Promise<string> {
  const decider = createDealDecider();
  const dealId = randomUUID();
  const actor = { id: 'ana.ae', roles: ['rep'] };
  const evidence = { kind: 'email' as const, ref: '<offsets@acme.example>' };
  const send = (data: Omit<DealCommand, 'metadata'>, occurredAt: string) =>
    handleCommand(store, decider, dealStreamId(dealId), { ...data, metadata: commandMetadata({ actor }, occurredAt) } as DealCommand, {});
  await send({ type: 'OpenDeal', data: { dealId, name: 'Offsets', account: { name: 'Acme' }, ownerId: actor.id, currency: 'EUR', expectedAmountMinor: 100_000 } } as Omit<DealCommand, 'metadata'>, '2026-03-01T13:00:00+01:00');
  await send({ type: 'BookMeeting', data: { meetingId: 'm-1', scheduledFor: '2026-03-25T11:00:00.5+01:00', evidence } } as Omit<DealCommand, 'metadata'>, '2026-03-02T09:15:30.123456+01:00');
  await send({ type: 'NoteDecisionTimeframe', data: { decisionBy: '2026-06-30', evidence } } as Omit<DealCommand, 'metadata'>, '2026-03-02T10:00+01:00');
  return dealId;
}

describe('what the relay publishes for whole deal lifecycles matches the shipped JSON Schemas', () => {
  const topic = `deal-lifecycle.schemas-${randomUUID().slice(0, 8)}`;
  let brokers: string[];
  let store: SqliteEventStore;
  let relay: RelayService;

  beforeAll(() => {
    brokers = testKafkaBrokers();
    store = new SqliteEventStore({ path: ':memory:' });
  }, BROKER_START_TIMEOUT_MS);
  afterAll(async () => {
    await relay?.stop();
    await store.close();
  });

  it('every message is valid against its event type\'s schema, every instant UTC with milliseconds', async () => {
    await writeSeed(store, seedDataset({ seed: 'kafka-schemas', deals: 100 }), { concurrency: 8 });
    const offsetDeal = await dealWithClientOffsets(store);
    const stored = (await store.readAll()).events.filter((e) => e.streamId.startsWith('deal-'));

    relay = new RelayService(relayConfigFromEnv({ KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_DEAL_EVENTS: topic, KAFKA_TOPIC_PARTITIONS: '3', DATA_DIR: ':memory:' }), store, new CapturedLogger());
    await relay.start();
    const messages = await readTopic(brokers, topic, { until: (m) => m.length >= stored.length, timeoutMs: 90_000 });
    const events = messages.map((m) => JSON.parse(m.value ?? '') as AnyDealLifecycleEventV1);

    const validate = validators();
    const invalid = events.flatMap((event): { eventType: string; eventId?: string; errors: unknown }[] => {
      const { eventType, eventId } = event;
      const check = validate.get(eventType);
      if (!check) return [{ eventType, errors: 'no schema' }];
      return check(event) ? [] : [{ eventType, eventId, errors: check.errors }];
    });
    expect(invalid).toEqual([]);
    // The schemas do reject what the contract rules out: a time with an offset, a field no type lists.
    const opened = events.find((e) => e.eventType === 'DealOpened')!;
    expect(validate.get('DealOpened')!({ ...opened, occurredAt: '2026-03-01T13:00:00+01:00' })).toBe(false);
    expect(validate.get('DealOpened')!({ ...opened, data: { ...opened.data, surprise: 1 } })).toBe(false);

    // A whole lifecycle and then some: opened, worked, advanced, approved, won and gone live, or lost.
    const types = new Set(events.map((e) => e.eventType));
    for (const type of ['DealOpened', 'TeamMemberAdded', 'MeetingBooked', 'StageAdvanced', 'TermsAgreed', 'DealChangeProposed', 'DealChangeApproved',
      'DealClosedWon', 'DealHandedToImplementation', 'ImplementationStarted', 'DealWentLive', 'DealClosedLost']) {
      expect({ type, published: types.has(type as AnyDealLifecycleEventV1['eventType']) }).toEqual({ type, published: true });
    }

    const ofOffsetDeal = events.filter((e) => e.dealId === offsetDeal);
    expect(ofOffsetDeal.find((e) => e.eventType === 'DealOpened')?.occurredAt).toBe('2026-03-01T12:00:00.000Z');
    const booked = ofOffsetDeal.find((e) => e.eventType === 'MeetingBooked');
    expect(booked).toMatchObject({ occurredAt: '2026-03-02T08:15:30.123Z', data: { scheduledFor: '2026-03-25T10:00:00.500Z' } });
    expect(ofOffsetDeal.find((e) => e.eventType === 'DecisionTimeframeNoted')).toMatchObject({ occurredAt: '2026-03-02T09:00:00.000Z', data: { decisionBy: '2026-06-30' } });
  }, 180_000);
});
