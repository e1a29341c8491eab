import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { Command } from '@deals/domain';

/**
 * What tells a retry from a reused idempotency key: the stream, the command type, its data and
 * its business time, serialised canonically (key order does not matter) and hashed.
 */
export function requestHashOf(streamId: string, command: Pick<Command, 'type' | 'data' | 'metadata'>): string {
  const content = canonicalize({ streamId, type: command.type, data: command.data, occurredAt: command.metadata.occurredAt ?? null }) ?? '';
  return createHash('sha256').update(content).digest('hex');
}
