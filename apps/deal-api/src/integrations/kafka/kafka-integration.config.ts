/** The Deal API's Kafka side: on only when KAFKA_BROKERS is set. */
export interface KafkaIntegrationConfig {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** buyer-signal.v1 messages to record as deal facts. */
  readonly signalsTopic: string;
  /** Signals that could not be read or were refused, with the reason. */
  readonly deadLetterTopic: string;
  readonly groupId: string;
  /** Used only when a topic is created here; an existing topic keeps its partitions. */
  readonly partitions: number;
  /** -1: the broker's default. */
  readonly replicationFactor: number;
}

export const KAFKA_INTEGRATION_CONFIG = Symbol('KAFKA_INTEGRATION_CONFIG');

const BROKER = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const NAME = /^[A-Za-z0-9._-]{1,249}$/;

export function kafkaIntegrationConfigFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaIntegrationConfig | undefined {
  const brokers = (env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) return undefined;
  const badBroker = brokers.find((b) => !BROKER.test(b));
  if (badBroker) throw new Error(`KAFKA_BROKERS: "${badBroker}" is not host:port`);
  const signalsTopic = name(env, 'KAFKA_TOPIC_BUYER_SIGNALS', 'buyer-signals');
  return {
    brokers,
    clientId: env.KAFKA_CLIENT_ID ?? 'deal-api',
    signalsTopic,
    deadLetterTopic: name(env, 'KAFKA_TOPIC_BUYER_SIGNALS_DEAD_LETTER', `${signalsTopic}.dead-letter`),
    groupId: name(env, 'KAFKA_CONSUMER_GROUP', 'deal-api.buyer-signals'),
    partitions: integer(env, 'KAFKA_TOPIC_PARTITIONS', 6, 1, 10_000),
    replicationFactor: integer(env, 'KAFKA_TOPIC_REPLICATION_FACTOR', -1, -1, 32),
  };
}

function name(env: NodeJS.ProcessEnv, variable: string, fallback: string): string {
  const value = env[variable] || fallback;
  if (!NAME.test(value)) throw new Error(`${variable}: "${value}" is not a valid Kafka name (A-Z a-z 0-9 . _ -)`);
  return value;
}

function integer(env: NodeJS.ProcessEnv, variable: string, fallback: number, min: number, max: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${variable} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
