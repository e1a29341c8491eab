import type { JSONEventData, JSONType, Position } from '@eventstore/db-client';
import { ValidEvent } from '../append-validation';
import { InvalidAppendError } from '../event-store.errors';
import { RecordedEvent } from '../event-store.port';
import { GENESIS_HASH, computeEventHash } from '../hash-chain';
import { fromEsdbRevision } from './esdb-expected-revision';
import { isKnownPosition, toPortPosition } from './esdb-position';

/**
 * The metadata key under which the adapter keeps what EventStoreDB does not know: the hash
 * chain and the schema version. Reads strip it, so callers see the same shape as from SQLite.
 */
export const CHAIN_KEY = '$chain';

interface ChainFields {
  readonly hash: string;
  readonly prevHash: string;
  readonly schemaVersion: number;
}

/** The last event of a stream: the next append chains onto it. */
export type StreamHead = Pick<RecordedEvent, 'revision' | 'hash'>;

/** The shape of a resolved event as the client returns it from reads and subscriptions. */
export interface ResolvedEventLike {
  readonly event?: {
    readonly streamId: string;
    readonly id: string;
    readonly revision: bigint;
    readonly type: string;
    readonly isJson: boolean;
    readonly data: unknown;
    readonly metadata?: unknown;
    /** From $all reads always; from stream reads on servers from 22.6 on. */
    readonly position?: Position;
  };
  readonly commitPosition?: bigint;
}

/** Streams whose id starts with `$` belong to the server ($settings, $stats-…, $$metadata…). */
export function isSystemStream(streamId: string): boolean {
  return streamId.startsWith('$');
}

/** What EventStoreDB cannot store the way the port means it; checked before anything is read. */
export function assertStorable(streamId: string, events: readonly ValidEvent[]): void {
  if (isSystemStream(streamId)) {
    throw new InvalidAppendError(`Stream ${streamId}: ids starting with $ are EventStoreDB system streams`);
  }
  for (const event of events) {
    if (Object.prototype.hasOwnProperty.call(event.metadata, CHAIN_KEY)) {
      throw new InvalidAppendError(`Stream ${streamId}: event ${event.eventId} metadata uses ${CHAIN_KEY}, which the store reserves`);
    }
  }
}

/** The events as the server stores them, chained onto `head` (undefined for a new stream). */
export function toEventData(
  streamId: string,
  events: readonly ValidEvent[],
  head: StreamHead | undefined,
  recordedAt: string,
): JSONEventData[] {
  let prevHash = head?.hash ?? GENESIS_HASH;
  const first = (head?.revision ?? -1) + 1;
  return events.map((event, i) => {
    const metadata = { ...event.metadata, recordedAt };
    const hash = computeEventHash(prevHash, { ...event, streamId, revision: first + i, metadata });
    const chain: ChainFields = { hash, prevHash, schemaVersion: event.schemaVersion };
    prevHash = hash;
    return {
      id: event.eventId,
      contentType: 'application/json',
      type: event.type,
      // Any JSON value: the client serializes it with JSON.stringify and parses it back on reads.
      data: event.data as JSONType,
      metadata: { ...metadata, [CHAIN_KEY]: chain },
    };
  });
}

/**
 * The event as the port shows it, or undefined for an event this store did not write: a
 * system event, a link, or a foreign event without the chain (another client's).
 */
export function fromResolvedEvent(resolved: ResolvedEventLike): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || isSystemStream(event.streamId) || !event.isJson) return undefined;
  const envelope = asEnvelope(event.metadata);
  if (!envelope) return undefined;
  const { [CHAIN_KEY]: chain, ...metadata } = envelope;
  return {
    streamId: event.streamId,
    revision: fromEsdbRevision(event.revision),
    position: toPortPosition(requirePosition(resolved)),
    eventId: event.id.toLowerCase(),
    type: event.type,
    schemaVersion: chain.schemaVersion,
    data: event.data,
    metadata: metadata as RecordedEvent['metadata'],
    hash: chain.hash,
    prevHash: chain.prevHash,
  };
}

/** The $all position of a resolved event, if the server reported one. */
export function positionOf(resolved: ResolvedEventLike): Position | undefined {
  const position = resolved.event?.position;
  if (isKnownPosition(position)) return position;
  const commit = resolved.commitPosition;
  const fromCommit = commit === undefined ? undefined : { commit, prepare: commit };
  return isKnownPosition(fromCommit) ? fromCommit : undefined;
}

function requirePosition(resolved: ResolvedEventLike): Position {
  const position = positionOf(resolved);
  if (position) return position;
  throw new Error(
    `EventStoreDB did not report the $all position of event ${resolved.event?.id} in ${resolved.event?.streamId}; ` +
      'stream reads carry it from server version 22.6 on',
  );
}

type Envelope = Record<string, unknown> & { recordedAt: string; [CHAIN_KEY]: ChainFields };

function asEnvelope(metadata: unknown): Envelope | undefined {
  if (!isPlainObject(metadata) || typeof metadata.recordedAt !== 'string') return undefined;
  const chain = metadata[CHAIN_KEY];
  if (!isPlainObject(chain)) return undefined;
  const { hash, prevHash, schemaVersion } = chain;
  const valid =
    typeof hash === 'string' && typeof prevHash === 'string' && Number.isSafeInteger(schemaVersion) && (schemaVersion as number) >= 1;
  return valid ? (metadata as Envelope) : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
