import { commandMetadata, handleCommand } from '@deals/command-pipeline';
import {
  Actor, DEFAULT_PIPELINE, DomainError, pipelineStreamId, pipelineVersionDecider, PipelineVersionCommand, publishedOf,
} from '@deals/domain';
import { EventStore } from '@deals/event-store';
import { PipelineDirectory } from '@deals/projections';

/** Who publishes the compiled default pipeline, as the API does at its first start. */
const SYSTEM_ACTOR: Actor = { id: 'system', roles: ['system'] };

/** Every published pipeline version in the store (none without one: the compiled default stands in). */
export async function pipelineVersions(store: EventStore | undefined): Promise<PipelineDirectory> {
  const directory = new PipelineDirectory();
  if (store) await directory.load(store);
  return directory;
}

/**
 * Version 1 of the default pipeline, published as the API publishes it at first start (same key,
 * so the two never write it twice), for a store the API has not opened yet.
 */
export async function ensureDefaultPublished(store: EventStore): Promise<void> {
  const key = 'default-pipeline-v1';
  const command: PipelineVersionCommand = { type: 'PublishPipelineVersion', data: publishedOf(DEFAULT_PIPELINE), metadata: commandMetadata({ actor: SYSTEM_ACTOR, idempotencyKey: key }) };
  try {
    await handleCommand(store, pipelineVersionDecider, pipelineStreamId(DEFAULT_PIPELINE.id), command, { idempotencyKey: key });
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'PIPELINE.VERSION_CONFLICT')) throw error;
  }
}

/** `default` or `default@2`: the pipeline and, when given, the version. */
export function parsePipelineRef(text: string): { id: string; version?: number } {
  const match = /^([^@]+)(?:@(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`--pipeline must be <id> or <id>@<version>, got "${text}"`);
  return { id: match[1], ...(match[2] === undefined ? {} : { version: Number(match[2]) }) };
}
