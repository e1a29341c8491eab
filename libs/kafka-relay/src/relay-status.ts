/** The relay stopped at an event it cannot publish; everything before it is on the topic. */
export interface RelayStall {
  readonly eventId: string;
  readonly eventType: string;
  readonly streamId: string;
  readonly streamRevision: number;
  /** The event's global position; the checkpoint stands just before it. */
  readonly position: number;
  readonly code: string;
  readonly reason: string;
  /** When the relay first stopped at this event (ISO-8601, UTC). */
  readonly since: string;
  /** How many times it has tried to publish this event. */
  readonly attempts: number;
  /** When it tries again. */
  readonly nextAttemptAt?: string;
}

/** Publishing fails for another reason (the broker unreachable, a timeout): retried from the checkpoint with backoff. */
export interface RelayFailure {
  readonly reason: string;
  readonly since: string;
  readonly attempts: number;
  readonly nextAttemptAt?: string;
}

export interface RelayStatus {
  /** `starting` until the topic is ready; `stalled` at an event it cannot publish; `retrying` after other failures. */
  readonly state: 'starting' | 'running' | 'retrying' | 'stalled' | 'stopped';
  readonly topic: string;
  /** Every deal event up to this global position is on the topic. */
  readonly checkpointPosition: number;
  readonly lastPublishedAt?: string;
  readonly stall?: RelayStall;
  readonly failure?: RelayFailure;
}
