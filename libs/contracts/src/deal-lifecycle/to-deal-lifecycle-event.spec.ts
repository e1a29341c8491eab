import { dealIdOfStream } from '@deals/domain';
import { dealLifecycleHeaders, StoredDealEvent, toDealLifecycleEvent as toEvent, UnmappableEventError } from './to-deal-lifecycle-event';

/** As the relay calls it: the deal id from the engine's stream naming. */
const toDealLifecycleEvent = (event: StoredDealEvent) => toEvent(event, dealIdOfStream(event.streamId));
const isDealStream = (streamId: string) => dealIdOfStream(streamId) !== undefined;

const DEAL = '8f0c7a52-3c3e-4d7e-9a57-0a4c2f6f1b21';

const stored = (overrides: Partial<StoredDealEvent> = {}): StoredDealEvent => ({
  streamId: `deal-${DEAL}`,
  revision: 3,
  position: 42,
  eventId: 'c1d2e3f4-0000-5000-8000-000000000001',
  type: 'RecapConfirmedByBuyer',
  schemaVersion: 1,
  data: { evidence: { kind: 'email', ref: '<re-recap@acme.example>' } },
  metadata: {
    actor: { id: 'ana.ae', roles: ['rep'] },
    commandId: 'cmd-1',
    requestHash: 'abc',
    occurredAt: '2026-01-10T09:00:00.000Z',
    recordedAt: '2026-01-10T09:00:01.000Z',
  },
  ...overrides,
});

describe('toDealLifecycleEvent', () => {
  it('maps a deal event to deal-lifecycle.v1, keeping only what the contract promises', () => {
    expect(toDealLifecycleEvent(stored())).toEqual({
      schema: 'deal-lifecycle.v1',
      schemaVersion: 1,
      eventId: 'c1d2e3f4-0000-5000-8000-000000000001',
      eventType: 'RecapConfirmedByBuyer',
      dealId: DEAL,
      streamRevision: 3,
      globalPosition: 42,
      occurredAt: '2026-01-10T09:00:00.000Z',
      recordedAt: '2026-01-10T09:00:01.000Z',
      actorId: 'ana.ae',
      data: { evidence: { kind: 'email', ref: '<re-recap@acme.example>' } },
    });
  });

  it('names the schema and the event in the headers', () => {
    expect(dealLifecycleHeaders(toDealLifecycleEvent(stored()))).toEqual({
      'content-type': 'application/json',
      schema: 'deal-lifecycle.v1',
      'event-type': 'RecapConfirmedByBuyer',
      'event-id': 'c1d2e3f4-0000-5000-8000-000000000001',
    });
  });

  it.each([
    ['another stream', { streamId: 'demo-dataset' }, 'demo-dataset is not a deal stream'],
    ['a schema version it does not know', { schemaVersion: 2 }, 'schema version 2'],
    ['no business time', { metadata: { actor: { id: 'a' }, recordedAt: '2026-01-10T09:00:01.000Z' } }, 'occurredAt'],
    ['no actor', { metadata: { occurredAt: '2026-01-10T09:00:00.000Z', recordedAt: '2026-01-10T09:00:01.000Z' } }, 'actor.id'],
  ])('refuses an event of %s rather than publishing what consumers would misread', (_, overrides, message) => {
    const map = () => toDealLifecycleEvent(stored(overrides as Partial<StoredDealEvent>));
    expect(map).toThrow(UnmappableEventError);
    expect(map).toThrow(message);
  });

  it('tells deal streams from others', () => {
    expect(isDealStream(`deal-${DEAL}`)).toBe(true);
    expect(isDealStream('deal-')).toBe(false);
    expect(isDealStream('dealer-1')).toBe(false);
    expect(isDealStream('demo-dataset')).toBe(false);
  });
});
