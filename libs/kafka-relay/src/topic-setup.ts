import { Admin, ConfigResourceTypes } from 'kafkajs';
import { RelayLogger } from './relay-logger';

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  /** -1: the broker's default.replication.factor. */
  readonly replicationFactor: number;
  /** Topic configs set at creation, and checked on an existing topic. */
  readonly configs: Readonly<Record<string, string>>;
}

/**
 * Kept for ever and never compacted: compaction keeps only the last message per key (deal), which
 * would take a deal's history, and with it per-deal order on replay, away from consumers.
 */
export const KEEP_FOREVER: Readonly<Record<string, string>> = { 'cleanup.policy': 'delete', 'retention.ms': '-1' };

/**
 * Creates the topics that are missing with their partitions, replication and configs. An existing
 * topic is left as it is (its partition count decides each deal's partition; its configs are the
 * operator's): a difference from the spec is warned about, with what to run. Existence is checked
 * first, so a normal start logs no broker error.
 */
export async function ensureTopics(admin: Admin, specs: readonly TopicSpec[], logger: RelayLogger): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((s) => !existing.has(s.topic));
  if (missing.length > 0) {
    // false: another process created one of them meanwhile (TOPIC_ALREADY_EXISTS), which is fine.
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((s) => ({
        topic: s.topic,
        numPartitions: s.partitions,
        replicationFactor: s.replicationFactor,
        configEntries: Object.entries(s.configs).map(([name, value]) => ({ name, value })),
      })),
    });
    for (const s of missing) logger.log(`created topic ${s.topic} with ${s.partitions} partitions (${describeConfigs(s.configs)})`);
  }
  const present = specs.filter((s) => existing.has(s.topic));
  if (present.length > 0) await checkExisting(admin, present, logger);
}

async function checkExisting(admin: Admin, specs: readonly TopicSpec[], logger: RelayLogger): Promise<void> {
  const metadata = await admin.fetchTopicMetadata({ topics: specs.map((s) => s.topic) });
  const configs = await admin.describeConfigs({
    includeSynonyms: false,
    resources: specs.map((s) => ({ type: ConfigResourceTypes.TOPIC, name: s.topic, configNames: Object.keys(s.configs) })),
  });
  for (const spec of specs) {
    const partitions = metadata.topics.find((t) => t.name === spec.topic)?.partitions.length ?? 0;
    if (partitions !== spec.partitions) {
      // Changing the partition count would move deals to other partitions and break their order.
      logger.warn(`topic ${spec.topic} has ${partitions} partitions, not the configured ${spec.partitions}; leaving it as it is`);
    }
    const entries = configs.resources.find((r) => r.resourceName === spec.topic)?.configEntries ?? [];
    const differing = Object.entries(spec.configs).filter(([name, value]) => entries.find((e) => e.configName === name)?.configValue !== value);
    if (differing.length > 0) {
      const actual = differing.map(([name]) => `${name}=${entries.find((e) => e.configName === name)?.configValue ?? '?'}`).join(', ');
      logger.warn(
        `topic ${spec.topic} has ${actual}, not ${describeConfigs(Object.fromEntries(differing))}; leaving it as it is ` +
          `(kafka-configs.sh --alter --entity-type topics --entity-name ${spec.topic} --add-config ${differing.map(([n, v]) => `${n}=${v}`).join(',')})`,
      );
    }
  }
}

function describeConfigs(configs: Readonly<Record<string, string>>): string {
  return Object.entries(configs).map(([name, value]) => `${name}=${value}`).join(', ');
}
