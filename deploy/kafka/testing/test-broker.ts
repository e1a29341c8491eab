import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const KAFKA_SH = join(__dirname, '..', 'kafka.sh');

let brokers: string[] | undefined;

/**
 * The brokers for Kafka tests: KAFKA_TEST_BROKERS when set (a broker you run yourself), otherwise
 * the single-node test broker, started on first use (deploy/kafka/kafka.sh; the jars are fetched
 * on the very first run). Test files running at once share it; the test run's global teardown
 * stops it. Call it from beforeAll with a generous timeout.
 */
export function testKafkaBrokers(): string[] {
  if (brokers) return brokers;
  const given = process.env.KAFKA_TEST_BROKERS;
  const list = given
    ? given
    : execFileSync('bash', [KAFKA_SH, 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 }).trim();
  brokers = list.split(',').map((b) => b.trim()).filter(Boolean);
  return brokers;
}

/** A timeout for the beforeAll that first asks for the broker: a cold start includes fetching the jars. */
export const BROKER_START_TIMEOUT_MS = 600_000;
