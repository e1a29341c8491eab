import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { commandMetadata, handleCommand } from '@deals/command-pipeline';
import {
  Actor, DEFAULT_PIPELINE, DomainError, pipelineStreamId, pipelineVersionDecider, PipelineVersionCommand, publishedOf,
} from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { PipelineDirectory } from '@deals/projections';

/** Who publishes the compiled default pipeline at first start. */
export const SYSTEM_ACTOR: Actor = { id: 'system', roles: ['system'] };

/**
 * The pipeline versions of this process: loaded before the first request, then kept current from
 * the store, so the deal commands read them from memory. At first start (no version of the
 * default pipeline yet) the compiled default is published as version 1.
 */
@Injectable()
export class LivePipelineCatalog extends PipelineDirectory implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('PipelineCatalog');

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async onModuleInit(): Promise<void> {
    await this.start(this.store, (error) => this.logger.warn(`pipeline events subscription failed, resuming: ${error instanceof Error ? error.message : String(error)}`));
    if (this.versionsOf(DEFAULT_PIPELINE.id).length === 0) await this.publishDefault();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Idempotent: a fixed key, so two processes starting at once write one version 1 between them. */
  private async publishDefault(): Promise<void> {
    const command: PipelineVersionCommand = {
      type: 'PublishPipelineVersion',
      data: publishedOf(DEFAULT_PIPELINE),
      metadata: commandMetadata({ actor: SYSTEM_ACTOR, idempotencyKey: 'default-pipeline-v1' }),
    };
    try {
      const result = await handleCommand(this.store, pipelineVersionDecider, pipelineStreamId(DEFAULT_PIPELINE.id), command, { idempotencyKey: 'default-pipeline-v1' });
      await this.waitFor(result.position);
      if (!result.replayed) this.logger.log(`published the default pipeline as version 1 (${pipelineStreamId(DEFAULT_PIPELINE.id)})`);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'PIPELINE.VERSION_CONFLICT')) throw error;
    }
  }
}
