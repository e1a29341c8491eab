import { RecordedEvent } from '@deals/event-store';
import { applyEvent } from '../fold';
import { Projection } from '../projection';

/** The read model from scratch: the reference every live read model must equal. */
export function foldEvents<D>(projection: Projection<D>, events: Iterable<RecordedEvent>): Map<string, D> {
  const model = new Map<string, D>();
  for (const e of events) applyEvent(projection, model, e);
  return model;
}
