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
    ['a type it does not know', { type: 'DealRenamed' }, 'DealRenamed is not an event type of this contract'],
    ['a business time that is not an instant', { metadata: { actor: { id: 'a' }, occurredAt: 'yesterday', recordedAt: '2026-01-10T09:00:01.000Z' } }, 'metadata.occurredAt is not an ISO-8601 instant'],
    ['a data time that is not an instant', { type: 'MeetingBooked', data: { meetingId: 'm', scheduledFor: 'next week' } }, 'data.scheduledFor is not an ISO-8601 instant'],
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

  describe('publishes every instant in UTC with milliseconds', () => {
    const meta = (occurredAt: string, recordedAt = '2026-01-10T09:00:01.000Z') => ({ actor: { id: 'ana.ae' }, occurredAt, recordedAt });

    it.each([
      ['an offset', '2026-03-01T13:00:00+01:00', '2026-03-01T12:00:00.000Z'],
      ['a negative offset and tenths', '2026-03-01T09:30:00.5-02:30', '2026-03-01T12:00:00.500Z'],
      ['no seconds', '2026-03-01T12:00Z', '2026-03-01T12:00:00.000Z'],
      ['seconds only', '2026-03-01T12:00:00Z', '2026-03-01T12:00:00.000Z'],
      ['micro- and nanoseconds (cut to milliseconds)', '2026-03-01T12:00:00.123456789Z', '2026-03-01T12:00:00.123Z'],
      ['already UTC with milliseconds', '2026-03-01T12:00:00.000Z', '2026-03-01T12:00:00.000Z'],
    ])('occurredAt and recordedAt given with %s', (_, given, published) => {
      const event = toDealLifecycleEvent(stored({ metadata: meta(given, given) }));
      expect(event.occurredAt).toBe(published);
      expect(event.recordedAt).toBe(published);
    });

    it('the instants in data; a calendar date where the contract allows one stays as it is', () => {
      const booked = toDealLifecycleEvent(stored({ type: 'MeetingBooked', data: { meetingId: 'm-1', scheduledFor: '2026-03-25T11:00:00+01:00', evidence: { kind: 'calendar', ref: 'c' } } }));
      expect(booked.data).toEqual({ meetingId: 'm-1', scheduledFor: '2026-03-25T10:00:00.000Z', evidence: { kind: 'calendar', ref: 'c' } });
      const noted = toDealLifecycleEvent(stored({ type: 'DecisionTimeframeNoted', data: { decisionBy: '2026-06-30', evidence: { kind: 'email', ref: 'e' } } }));
      expect(noted.data).toEqual({ decisionBy: '2026-06-30', evidence: { kind: 'email', ref: 'e' } });
    });

    it('the business time of a proposed change, not the command inside it (its shape is the command\'s)', () => {
      const change = { type: 'CloseWon', data: { signedOrder: { kind: 'signature', ref: 's' }, note: '2026-03-01T13:00:00+01:00' } };
      const proposed = toDealLifecycleEvent(stored({
        type: 'DealChangeProposed',
        data: { proposalId: 'p', change, occurredAt: '2026-03-01T13:00:00+01:00', proposedBy: 'ana.ae', reasons: ['backdated'] },
      }));
      expect(proposed.data).toEqual({ proposalId: 'p', change, occurredAt: '2026-03-01T12:00:00.000Z', proposedBy: 'ana.ae', reasons: ['backdated'] });
    });

    it('leaves the stored event as it was', () => {
      const event = stored({ type: 'MeetingBooked', data: { meetingId: 'm-1', scheduledFor: '2026-03-25T11:00:00+01:00', evidence: { kind: 'calendar', ref: 'c' } } });
      toDealLifecycleEvent(event);
      expect((event.data as { scheduledFor: string }).scheduledFor).toBe('2026-03-25T11:00:00+01:00');
    });
  });
});
