import { RecordedEvent } from '@deals/event-store';
import { applyBatchInPlace } from '../runner/apply-batch';
import { Projection } from '../projection';

/** The read model from scratch: the reference every live read model must equal. */
export function foldEvents<D>(projection: Projection<D>, events: Iterable<RecordedEvent>): Map<string, D> {
  const model = new Map<string, D>();
  applyBatchInPlace(projection, model, [...events]);
  return model;
}
