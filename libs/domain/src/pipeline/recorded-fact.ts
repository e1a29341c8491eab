import { Evidence } from '../shared/evidence';
import { FactName } from './pipeline-definition';

/** The latest recording of one fact on a deal: what was said, the proof, and when it happened. */
export interface RecordedFact {
  readonly data: Readonly<Record<string, unknown>>;
  readonly evidence: Evidence;
  /** Business time from the event's metadata; absent on events not yet stored. */
  readonly occurredAt?: string;
}

/** Keyed by built-in fact (event type) or custom fact type name. */
export type RecordedFacts = Readonly<Partial<Record<FactName, RecordedFact>>>;
