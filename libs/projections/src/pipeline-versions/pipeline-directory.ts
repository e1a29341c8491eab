import {
  defaultPipelineCatalog, definitionOf, PIPELINE_CATEGORY, PipelineCatalog, PipelineDefinition, PipelineVersionData,
} from '@deals/domain';
import { EventFilter, EventStore, RecordedEvent, StreamFamilyFollower } from '@deals/event-store';

const PREFIX = `${PIPELINE_CATEGORY}-`;

/** The streams a PipelineDirectory folds, for a reader that hands it their events itself (apply). */
export const PIPELINE_STREAMS: EventFilter = { streamPrefixes: [PREFIX] };

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
  private readonly follower = new StreamFamilyFollower(PREFIX, (event) => {
    if (event.type !== 'PipelineVersionPublished') return;
    const published = event.data as PipelineVersionData;
    const actor = event.metadata?.actor as { id?: unknown } | undefined;
    this.byKey.set(`${published.pipelineId}@${published.version}`, {
      definition: definitionOf(published), published, position: event.position,
      ...(typeof actor?.id === 'string' ? { publishedBy: actor.id } : {}),
      ...(event.metadata?.recordedAt === undefined ? {} : { recordedAt: event.metadata.recordedAt }),
    });
  });

  /** Reads every pipeline stream once (await before serving requests). */
  load(store: EventStore): Promise<void> {
    return this.follower.load(store);
  }

  /** Loads, then follows new versions until `stop()`. */
  start(store: EventStore, onError: (error: unknown) => void = () => undefined): Promise<void> {
    return this.follower.start(store, onError);
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  apply(event: RecordedEvent): void {
    this.follower.apply(event);
  }

  /** Resolves once every pipeline event up to `position` is applied (a publish's own position). */
  waitFor(position: number): Promise<void> {
    return this.follower.waitFor(position);
  }

  /** The global position applied up to. */
  get position(): number {
    return this.follower.position;
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
}
