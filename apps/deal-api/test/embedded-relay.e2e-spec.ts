import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { BROKER_START_TIMEOUT_MS, testKafkaBrokers } from '../../../deploy/kafka/testing/test-broker';
import { readTopic } from '../../../deploy/kafka/testing/topic-reader';
import { ApiProcess, tokenFor } from '../src/testing/api-process';

// The single-machine setup: the API process also runs the relay (KAFKA_RELAY_EMBEDDED=true),
// so a command's events reach Kafka with no second process.
describe('the Kafka relay embedded in the API process', () => {
  const secret = randomBytes(32).toString('hex');
  const topic = `deal-lifecycle-embedded-${Date.now()}`;
  let dir: string;
  let api: ApiProcess;
  let brokers: string[];
  let metricsPort: number;

  beforeAll(async () => {
    brokers = testKafkaBrokers();
    metricsPort = await freePort();
    dir = mkdtempSync(join(tmpdir(), 'embedded-relay-'));
    api = new ApiProcess({
      DATA_DIR: dir, AUTH_TOKEN_SECRET: secret, KAFKA_BROKERS: brokers.join(','), KAFKA_RELAY_EMBEDDED: 'true',
      KAFKA_TOPIC_DEAL_EVENTS: topic, KAFKA_TOPIC_PARTITIONS: '3', METRICS_PORT: String(metricsPort),
    }, [{ id: 'ana.ae', roles: ['rep'] }]);
  }, BROKER_START_TIMEOUT_MS);
  afterAll(async () => {
    await api.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  it("publishes a command's events, keyed by deal, from inside the API", async () => {
    const url = await api.start(120_000);
    const rep = tokenFor(secret, 'ana.ae', ['rep']);
    const dealIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${url}/deals`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${rep}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `Relay ${i}`, account: { name: 'Relay' }, currency: 'EUR', expectedAmount: '1.00' }),
      });
      expect(res.status).toBe(201);
      dealIds.push(((await res.json()) as { dealId: string }).dealId);
    }
    const messages = await readTopic(brokers, topic, {
      until: (read) => dealIds.every((id) => read.some((m) => m.key === id)),
      timeoutMs: 60_000,
    });
    for (const id of dealIds) {
      const opened = messages.filter((m) => m.key === id).map((m) => JSON.parse(m.value!));
      expect(opened[0]).toMatchObject({ schema: 'deal-lifecycle.v1', eventType: 'DealOpened', dealId: id });
    }
    // The API's health shows the embedded relay's status.
    const health = (await (await fetch(`${url}/health`)).json()) as { status: string; relay?: { state: string; topic: string; checkpointPosition: number } };
    expect(health).toMatchObject({ status: 'ok', relay: { state: 'running', topic } });
    expect(health.relay!.checkpointPosition).toBeGreaterThan(0);
    // The metrics show where the relay is: at the head once it has published everything.
    const relayMetrics = async () => {
      const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
      return { position: value('deals_relay_position'), lag: value('deals_relay_lag'), head: value('deals_event_store_head_position') };
    };
    const deadline = Date.now() + 30_000;
    let seen = await relayMetrics();
    while (seen.lag !== 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      seen = await relayMetrics();
    }
    expect(seen).toEqual({ position: seen.head, lag: 0, head: expect.any(Number) });
    expect(seen.head).toBeGreaterThan(0);
  }, 180_000);
});

/** A port nobody listens on now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
