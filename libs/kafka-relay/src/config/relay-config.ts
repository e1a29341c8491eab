import { resolve } from 'node:path';

export interface RelayConfig {
  /** `host:port` of at least one broker. */
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Where deal-lifecycle.v1 events are published, keyed by deal id. */
  readonly topic: string;
  /** Used only when the relay creates the topic; an existing topic keeps its partitions. */
  readonly partitions: number;
  /** -1: the broker's default.replication.factor. */
  readonly replicationFactor: number;
  /** Holds the relay's checkpoint (kafka-relay.db) and, without EventStoreDB, the embedded store (events.db). */
  readonly dataDir: string;
  readonly eventStoreConnectionString?: string;
  /** Most events per publish. */
  readonly batchSize: number;
  /** How long to wait for more events before publishing a partial batch. */
  readonly lingerMs: number;
}


const BROKER = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;

export function relayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  const brokers = (env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS must list at least one broker as host:port (comma-separated)');
  const badBroker = brokers.find((b) => !BROKER.test(b));
  if (badBroker) throw new Error(`KAFKA_BROKERS: "${badBroker}" is not host:port`);
  const topic = env.KAFKA_TOPIC_DEAL_EVENTS ?? 'deal-lifecycle.v1';
  if (!TOPIC.test(topic)) throw new Error(`KAFKA_TOPIC_DEAL_EVENTS: "${topic}" is not a valid topic name`);
  const dataDir = env.DATA_DIR ?? './data';
  return {
    brokers,
    clientId: env.KAFKA_CLIENT_ID ?? 'deal-kafka-relay',
    topic,
    partitions: integer(env, 'KAFKA_TOPIC_PARTITIONS', 6, 1, 10_000),
    replicationFactor: integer(env, 'KAFKA_TOPIC_REPLICATION_FACTOR', -1, -1, 32),
    dataDir: dataDir === ':memory:' ? dataDir : resolve(dataDir),
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || undefined,
    batchSize: integer(env, 'RELAY_BATCH_SIZE', 500, 1, 10_000),
    lingerMs: integer(env, 'RELAY_LINGER_MS', 20, 0, 60_000),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
