import { createHash, randomUUID } from 'node:crypto';
import { Actor, CommandMetadata } from '@deals/domain';

/** A UUID-shaped id derived from the given parts, so a retried command yields the same ids. */
export function derivedUuid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The command id: derived from actor and idempotency key when one is given, random otherwise. */
export function commandIdFor(actorId: string, idempotencyKey?: string): string {
  return idempotencyKey ? derivedUuid('command', actorId, idempotencyKey) : randomUUID();
}

/** A command's metadata: its id (derived from an idempotency key when given), the actor, the clock and the business time. */
export function commandMetadata(
  from: { actor: Actor; idempotencyKey?: string; correlationId?: string }, occurredAt?: string, now: Date = new Date(),
): CommandMetadata {
  return { commandId: commandIdFor(from.actor.id, from.idempotencyKey), actor: from.actor, now: now.toISOString(), occurredAt, correlationId: from.correlationId };
}

/** The id of a new aggregate (a deal, a dispute): derived from actor and idempotency key, so a retry opens the same one; random without a key. */
export function newAggregateId(kind: string, actorId: string, idempotencyKey?: string): string {
  return idempotencyKey ? derivedUuid(kind, actorId, idempotencyKey) : randomUUID();
}
