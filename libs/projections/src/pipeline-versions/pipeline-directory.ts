import {
  defaultPipelineCatalog, definitionOf, PIPELINE_CATEGORY, PipelineCatalog, PipelineDefinition, PipelineVersionData,
} from '@deals/domain';
import { EventStore, RecordedEvent, StoreSubscription } from '@deals/event-store';

const PREFIX = `${PIPELINE_CATEGORY}-`;

/** A published version with who published it and when. */
export interface PublishedPipelineVersion {
  readonly definition: PipelineDefinition;
  readonly published: PipelineVersionData;
  readonly publishedBy?: string;
  readonly recordedAt?: string;
  readonly position: number;
}

/**
 * Every published pipeline version, in memory, kept current from the `pipeline-*` streams: the
 * catalog the deal decider reads on every command, at no store read. Before version 1 of the
 * default pipeline is published (at first start), the compiled one stands in for it.
 */
export class PipelineDirectory implements PipelineCatalog {
  private readonly byKey = new Map<string, PublishedPipelineVersion>();
  private appliedUpTo = 0;
  private subscription?: StoreSubscription;
  private following?: Promise<void>;
  private running = false;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();

  /** Reads every pipeline stream once (await before serving requests). */
  async load(store: EventStore): Promise<void> {
    const pageSize = 1000;
    for (let after = this.appliedUpTo; ;) {
      const { events, scannedTo } = await store.readAll({ after, maxCount: pageSize, filter: { streamPrefixes: [PREFIX] } });
      events.forEach((event) => this.apply(event));
      if (events.length < pageSize) return;
      after = scannedTo;
    }
  }

  /** Loads, then follows new versions until `stop()`. */
  async start(store: EventStore, onError: (error: unknown) => void = () => undefined): Promise<void> {
    await this.load(store);
    this.running = true;
    this.following = this.follow(store, onError);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.subscription?.close();
    await this.following;
  }

  apply(event: RecordedEvent): void {
    if (!event.streamId.startsWith(PREFIX) || event.position <= this.appliedUpTo) return;
    try {
      if (event.type === 'PipelineVersionPublished') {
        const published = event.data as PipelineVersionData;
        const actor = event.metadata?.actor as { id?: unknown } | undefined;
        this.byKey.set(`${published.pipelineId}@${published.version}`, {
          definition: definitionOf(published), published, position: event.position,
          ...(typeof actor?.id === 'string' ? { publishedBy: actor.id } : {}),
          ...(event.metadata?.recordedAt === undefined ? {} : { recordedAt: event.metadata.recordedAt }),
        });
      }
    } finally {
      this.appliedUpTo = event.position;
      for (const waiter of this.waiters) {
        if (waiter.position <= this.appliedUpTo) {
          this.waiters.delete(waiter);
          waiter.resolve();
        }
      }
    }
  }

  /** Resolves once every pipeline event up to `position` is applied (a publish's own position). */
  waitFor(position: number): Promise<void> {
    if (position <= this.appliedUpTo) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ position, resolve }));
  }

  /** The global position applied up to. */
  get position(): number {
    return this.appliedUpTo;
  }

  get(id: string, version: number): PipelineDefinition | undefined {
    return this.byKey.get(`${id}@${version}`)?.definition ?? defaultPipelineCatalog.get(id, version);
  }

  latest(id: string): PipelineDefinition | undefined {
    return this.versionsOf(id).at(-1)?.definition ?? defaultPipelineCatalog.latest(id);
  }

  get default(): PipelineDefinition {
    return this.latest(defaultPipelineCatalog.default.id) ?? defaultPipelineCatalog.default;
  }

  list(): readonly PipelineDefinition[] {
    return [...this.byKey.values()].map((version) => version.definition);
  }

  /** Versions of one pipeline as published, oldest first. */
  versionsOf(id: string): readonly PublishedPipelineVersion[] {
    return [...this.byKey.values()].filter((version) => version.published.pipelineId === id).sort((a, b) => a.published.version - b.published.version);
  }

  version(id: string, version: number): PublishedPipelineVersion | undefined {
    return this.byKey.get(`${id}@${version}`);
  }

  /** Ids of every pipeline published, in order of first publication. */
  pipelineIds(): readonly string[] {
    return [...new Set([...this.byKey.values()].sort((a, b) => a.position - b.position).map((version) => version.published.pipelineId))];
  }

  private async follow(store: EventStore, onError: (error: unknown) => void): Promise<void> {
    while (this.running) {
      const subscription = store.subscribeToAll({ fromPosition: this.appliedUpTo, filter: { streamPrefixes: [PREFIX] } });
      this.subscription = subscription;
      try {
        for await (const event of subscription) this.apply(event);
        return;
      } catch (error) {
        if (!this.running) return;
        onError(error);
        await subscription.close().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 1000).unref());
      }
    }
  }
}
