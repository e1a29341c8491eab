import { DealLifecycleDataV1, DealLifecycleEventType } from './deal-lifecycle-data.v1';
import { IsoDateTime } from './time';

/**
 * `deal-lifecycle.v1`: one fact of a deal's life, as published to other systems. The envelope
 * is this contract's; `data` is the deal event's fields (DealLifecycleDataV1, schema version 1 of
 * each event type, docs/event-catalogue.md). A change an existing consumer could misread is a new
 * contract (`deal-lifecycle.v2`, on its own topic), never an edit of this one. docs/schemas/ holds
 * its JSON Schema per event type, generated from these types (`npm run schemas`).
 */
export const DEAL_LIFECYCLE_V1 = 'deal-lifecycle.v1' as const;

export interface DealLifecycleEventV1<T extends DealLifecycleEventType = DealLifecycleEventType> {
  readonly schema: typeof DEAL_LIFECYCLE_V1;
  readonly schemaVersion: 1;
  /** Unique per event and stable across re-deliveries: consumers de-duplicate by it. */
  readonly eventId: string;
  /** The deal event type, e.g. `RecapConfirmedByBuyer`. */
  readonly eventType: T;
  /** The deal's id; also the message key. */
  readonly dealId: string;
  /** 0-based position of the event in its deal: per deal, consumers see 0, 1, 2, ... in order. */
  readonly streamRevision: number;
  /** Position in the engine's global log; increases with every event, with gaps. */
  readonly globalPosition: number;
  /** Business time: when it happened. May be earlier than `recordedAt` (backdated). UTC, milliseconds. */
  readonly occurredAt: IsoDateTime;
  /** When the engine recorded it. UTC, milliseconds. */
  readonly recordedAt: IsoDateTime;
  /** Who caused it: a person's id, or `integration:<source>` for a system. */
  readonly actorId: string;
  /** The deal event's fields. */
  readonly data: DealLifecycleDataV1[T];
}

/** Any deal-lifecycle.v1 event; `eventType` tells which `data` it has. */
export type AnyDealLifecycleEventV1 = { [T in DealLifecycleEventType]: DealLifecycleEventV1<T> }[DealLifecycleEventType];

/** The message headers published with every event, so consumers can route without parsing. */
export interface DealLifecycleHeadersV1 {
  readonly 'content-type': 'application/json';
  readonly schema: typeof DEAL_LIFECYCLE_V1;
  readonly 'event-type': DealLifecycleEventType;
  readonly 'event-id': string;
}
