import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, Kafka, logLevel, Producer } from 'kafkajs';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { BROKER_START_TIMEOUT_MS, testKafkaBrokers } from '../../../../../deploy/kafka/testing/test-broker';
import { readTopic, withAdmin } from '../../../../../deploy/kafka/testing/topic-reader';
import { createTestApp, email, openAcme, reachProductEvaluated, REP, TestApp } from '../../testing/test-app';
import { ApiMetrics } from '../../operations/api-metrics';

const signal = (dealId: string, fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    schema: 'buyer-signal.v1',
    signalId: 'gmail:18c2f0e4d1',
    source: 'email-sync',
    kind: 'recap-confirmed',
    dealId,
    occurredAt: '2026-01-12T09:30:00.000Z',
    evidence: { kind: 'email', ref: '<re-recap-1@acme.example>', url: 'https://mail.example/m/18c2f0e4d1' },
    ...fields,
  });

/** Waits (bounded) until the group has committed `offset` on partition 0 of the topic. */
async function committedOffset(brokers: string[], groupId: string, topic: string, offset: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [committed] = await withAdmin(brokers, (admin) => admin.fetchOffsets({ groupId, topics: [topic] }));
    const current = committed?.partitions.find((p) => p.partition === 0)?.offset ?? '-1';
    if (current === offset || Date.now() > deadline) return current;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('buyer signals from Kafka (real broker)', () => {
  const run = randomUUID().slice(0, 8);
  const topic = `buyer-signals.test-${run}`;
  const deadLetterTopic = `${topic}.dead-letter`;
  const groupId = `deal-api.test-${run}`;
  let brokers: string[];
  let t: TestApp;
  let store: EventStore;
  let producer: Producer;
  let dealId: string;
  let dealWithoutRecap: string;

  beforeAll(async () => {
    brokers = testKafkaBrokers();
    const env = {
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_BUYER_SIGNALS: topic,
      KAFKA_CONSUMER_GROUP: groupId,
      KAFKA_TOPIC_PARTITIONS: '1',
    };
    Object.assign(process.env, env);
    try {
      t = await createTestApp();
    } finally {
      for (const name of Object.keys(env)) delete process.env[name];
    }
    store = t.app.get(EVENT_STORE);
    dealId = await openAcme(t);
    await reachProductEvaluated(t, dealId);
    await t.as(REP).post(`/deals/${dealId}/recap-emails`, { evidence: email('<recap-1@rep.example>'), occurredAt: '2026-01-12T08:00:00.000Z' }).expect(201);
    dealWithoutRecap = await openAcme(t);
    producer = new Kafka({ clientId: 'signal-sender', brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  }, BROKER_START_TIMEOUT_MS);

  afterAll(async () => {
    await producer?.disconnect();
    await t?.close();
  });

  it('records a recap confirmation once though delivered twice; unreadable and refused signals go to the dead-letter topic with the reason', async () => {
    const confirmed = signal(dealId);
    const malformed = '{"schema": "buyer-signal.v1", "kind": "recap-confirmed", ';
    const refused = signal(dealWithoutRecap, { signalId: 'gmail:18c2f0e4d2' });
    const incomplete = signal(dealId, { signalId: 'gmail:18c2f0e4d3', evidence: { kind: 'email', ref: ' ' } });
    // One partition, in this order: when the last one is dead-lettered, all were handled.
    await producer.send({
      topic,
      messages: [confirmed, confirmed, malformed, refused, incomplete].map((value) => ({ key: 'k', value, partition: 0 })),
    });

    const deadLetters = await readTopic(brokers, deadLetterTopic, { until: (m) => m.length >= 3, timeoutMs: 60_000 });
    expect(deadLetters.map((m) => [m.value, m.headers['dead-letter-code'], m.headers['dead-letter-offset']])).toEqual([
      [malformed, 'SIGNAL.NOT_JSON', '2'],
      [refused, 'DEAL.RECAP_NOT_SENT', '3'],
      [incomplete, 'SIGNAL.INVALID', '4'],
    ]);
    expect(deadLetters[0].headers['dead-letter-reason']).toMatch(/^the message is not JSON: /);
    expect(deadLetters[1].headers['dead-letter-reason']).toMatch(/recap/i);
    expect(deadLetters[2].headers['dead-letter-reason']).toBe('evidence.ref must be a non-blank string');
    expect(deadLetters.every((m) => m.headers['dead-letter-topic'] === topic && m.key === 'k')).toBe(true);

    const recorded = (await store.readStream(`deal-${dealId}`)).filter((e) => e.type === 'RecapConfirmedByBuyer');
    expect(recorded).toHaveLength(1);
    expect(recorded[0].data).toEqual({ evidence: { kind: 'email', ref: '<re-recap-1@acme.example>', url: 'https://mail.example/m/18c2f0e4d1' } });
    expect(recorded[0].metadata).toMatchObject({
      actor: { id: 'integration:email-sync', roles: ['integration'] },
      occurredAt: '2026-01-12T09:30:00.000Z',
      correlationId: 'buyer-signal:gmail:18c2f0e4d1',
    });
    expect((await store.readStream(`deal-${dealWithoutRecap}`)).map((e) => e.type)).not.toContain('RecapConfirmedByBuyer');

    expect(await committedOffset(brokers, groupId, topic, '5')).toBe('5');
  }, 90_000);

  it('shows the signals by outcome and the consumer\'s lag in the metrics', async () => {
    const registry = t.app.get(ApiMetrics).registry;
    const lag = `deals_inbound_consumer_lag{topic="${topic}",partition="0"}`;
    // The lag is set when the consumer ends a batch, just after its last message is handled.
    let text = await registry.metrics();
    for (const deadline = Date.now() + 30_000; !text.includes(lag) && Date.now() < deadline; text = await registry.metrics()) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(text).toContain(`${lag} 0`);
    expect(text).toContain('deals_buyer_signals_total{outcome="recorded"} 2');
    expect(text).toContain('deals_buyer_signals_total{outcome="dead-lettered"} 3');
  });

  it('creates the dead-letter topic kept for ever and never compacted', async () => {
    const described = await withAdmin(brokers, (admin) =>
      admin.describeConfigs({
        includeSynonyms: false,
        resources: [topic, deadLetterTopic].map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['cleanup.policy', 'retention.ms'] })),
      }),
    );
    const configOf = (name: string) =>
      Object.fromEntries(described.resources.find((r) => r.resourceName === name)!.configEntries.map((e) => [e.configName, e.configValue]));
    expect(configOf(deadLetterTopic)).toEqual({ 'cleanup.policy': 'delete', 'retention.ms': '-1' });
    expect(configOf(topic)['cleanup.policy']).toBe('delete');
  });
});
