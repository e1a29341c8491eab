import { CommandMetadata } from '@deals/domain';
import { commandMetadata } from '@deals/command-pipeline';
import { RequestContext } from './request-context.decorator';

/** A command's metadata from the request: the command id (derived from an Idempotency-Key), actor, clock. */
export function commandMetadataOf(ctx: RequestContext, occurredAt?: string): CommandMetadata {
  return commandMetadata(ctx, occurredAt);
}
