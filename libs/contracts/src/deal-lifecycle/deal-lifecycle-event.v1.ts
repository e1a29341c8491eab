/**
 * `deal-lifecycle.v1`: one fact of a deal's life, as published to other systems. The envelope
 * is this contract's; `data` is the deal event's fields as listed in docs/event-catalogue.md
 * (schema version 1 of each event type). A change an existing consumer could misread is a new
 * contract (`deal-lifecycle.v2`, on its own topic), never an edit of this one.
 */
export const DEAL_LIFECYCLE_V1 = 'deal-lifecycle.v1' as const;

export interface DealLifecycleEventV1 {
  readonly schema: typeof DEAL_LIFECYCLE_V1;
  readonly schemaVersion: 1;
  /** Unique per event and stable across re-deliveries: consumers de-duplicate by it. */
  readonly eventId: string;
  /** The deal event type, e.g. `RecapConfirmedByBuyer`. */
  readonly eventType: string;
  readonly dealId: string;
  /** 0-based position of the event in its deal: per deal, consumers see 0, 1, 2, ... in order. */
  readonly streamRevision: number;
  /** Position in the engine's global log; increases with every event, with gaps. */
  readonly globalPosition: number;
  /** Business time (ISO-8601): when it happened. May be earlier than `recordedAt` (backdated). */
  readonly occurredAt: string;
  /** When the engine recorded it (ISO-8601). */
  readonly recordedAt: string;
  /** Who caused it: a person's id, or `integration:<source>` for a system. */
  readonly actorId: string;
  readonly data: unknown;
}

/** The message headers published with every event, so consumers can route without parsing. */
export interface DealLifecycleHeadersV1 {
  readonly 'content-type': 'application/json';
  readonly schema: typeof DEAL_LIFECYCLE_V1;
  readonly 'event-type': string;
  readonly 'event-id': string;
}
