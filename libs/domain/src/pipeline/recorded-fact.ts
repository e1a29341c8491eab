import { Evidence } from '../shared/evidence';
import { FactKey } from './fact-key';

/** The latest recording of one fact on a deal: what was said, the proof, and when it happened. */
export interface RecordedFact {
  readonly data: Readonly<Record<string, unknown>>;
  readonly evidence: Evidence;
  /** Business time from the event's metadata; absent on events not yet stored. */
  readonly occurredAt?: string;
}

export type RecordedFacts = Readonly<Partial<Record<FactKey, RecordedFact>>>;
