import { CommandMetadata } from '@deals/domain';
import { commandIdFor } from '../command-pipeline/command-ids';
import { RequestContext } from './request-context.decorator';

/** A command's metadata from the request: the command id (derived from an Idempotency-Key), actor, clock. */
export function commandMetadataOf(ctx: RequestContext, occurredAt?: string): CommandMetadata {
  return {
    commandId: commandIdFor(ctx.actor.id, ctx.idempotencyKey),
    actor: ctx.actor,
    now: new Date().toISOString(),
    occurredAt,
    correlationId: ctx.correlationId,
  };
}
