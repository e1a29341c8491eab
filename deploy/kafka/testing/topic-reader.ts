import { randomUUID } from 'node:crypto';
import { Admin, IHeaders, Kafka, logLevel } from 'kafkajs';

export interface ReadMessage {
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
}

export interface ReadOptions {
  /** Stop reading once this holds for what was read so far. */
  readonly until: (messages: readonly ReadMessage[]) => boolean;
  readonly timeoutMs: number;
}

/**
 * Reads a topic from the beginning with a plain kafkajs consumer (a fresh group) until `until`
 * holds; fails after `timeoutMs`, saying how much it had read. Messages are in per-partition order.
 */
export async function readTopic(brokers: readonly string[], topic: string, options: ReadOptions): Promise<ReadMessage[]> {
  const messages: ReadMessage[] = [];
  if (options.until(messages)) return messages;
  const kafka = new Kafka({ clientId: 'topic-reader', brokers: [...brokers], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `topic-reader-${randomUUID()}`, allowAutoTopicCreation: false });
  let timer: NodeJS.Timeout | undefined;
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`read ${messages.length} messages from ${topic} in ${options.timeoutMs} ms without reaching the expected state`)),
        options.timeoutMs,
      );
      const check = () => {
        if (!options.until(messages)) return;
        clearTimeout(timer);
        resolve();
      };
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            messages.push({
              partition,
              offset: Number(message.offset),
              key: message.key?.toString('utf8') ?? null,
              value: message.value?.toString('utf8') ?? null,
              headers: headersOf(message.headers),
            });
            check();
          },
        })
        .catch(reject);
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
  return messages;
}

/** Everything on the topic now: reads until every partition's end offset, as of the call, is reached. */
export async function readTopicToEnd(brokers: readonly string[], topic: string, timeoutMs: number): Promise<ReadMessage[]> {
  const ends = await withAdmin(brokers, (admin) => admin.fetchTopicOffsets(topic));
  const pending = ends.filter((p) => Number(p.high) > Number(p.low));
  const reached = (messages: readonly ReadMessage[]) =>
    pending.every((p) => messages.some((m) => m.partition === p.partition && m.offset >= Number(p.high) - 1));
  return readTopic(brokers, topic, { until: reached, timeoutMs });
}

/** Creates a topic for a test (the test broker creates none by itself). */
export async function createTopic(brokers: readonly string[], topic: string, partitions: number): Promise<void> {
  await withAdmin(brokers, (admin) => admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions }] }));
}

export async function withAdmin<T>(brokers: readonly string[], work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = new Kafka({ clientId: 'test-admin', brokers: [...brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return out;
}
