import { UnmappableEventError } from '@deals/contracts';
import { RecordedEvent } from '@deals/event-store';

/** A stored deal event the relay cannot publish as the contract says (CONTRACT.UNMAPPABLE_EVENT). */
export class PoisonEventError extends Error {
  readonly code: string;
  constructor(
    readonly event: RecordedEvent,
    readonly unmappable: UnmappableEventError,
  ) {
    super(unmappable.message);
    this.name = 'PoisonEventError';
    this.code = unmappable.code;
  }
}
