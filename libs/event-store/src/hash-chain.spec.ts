import { createHash } from 'node:crypto';
import { RecordedEvent } from './event-store.port';
import { GENESIS_HASH, computeEventHash, verifyChain } from './hash-chain';

function chain(length: number, streamId = 'deal-1'): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let revision = 0; revision < length; revision++) {
    const fields = {
      streamId,
      revision,
      eventId: `00000000-0000-4000-8000-00000000000${revision}`,
      type: 'DealNoted',
      schemaVersion: 1,
      data: { n: revision },
      metadata: { recordedAt: '2030-01-01T00:00:00.000Z' },
    };
    const hash = computeEventHash(prevHash, fields);
    events.push({ ...fields, position: revision + 1, hash, prevHash });
    prevHash = hash;
  }
  return events;
}

describe('computeEventHash', () => {
  it('is sha256 of prevHash followed by the RFC 8785 form of the event fields', () => {
    const event = {
      streamId: 'deal-1',
      revision: 0,
      eventId: 'e0',
      type: 'DealOpened',
      schemaVersion: 2,
      data: { b: [1, 'x', null], a: 1.5, é: true },
      metadata: { z: 1, recordedAt: '2030-01-01T00:00:00.000Z' },
    };
    const canonical =
      '{"data":{"a":1.5,"b":[1,"x",null],"é":true},"eventId":"e0",' +
      '"metadata":{"recordedAt":"2030-01-01T00:00:00.000Z","z":1},"revision":0,"schemaVersion":2,"streamId":"deal-1","type":"DealOpened"}';
    const expected = createHash('sha256').update(GENESIS_HASH + canonical).digest('hex');
    expect(computeEventHash(GENESIS_HASH, event)).toBe(expected);
  });

  it('ignores the key order of data and metadata, and fields outside the hashed set', () => {
    const [event] = chain(1);
    const reordered = { ...event, data: { n: 0 }, metadata: { recordedAt: event.metadata.recordedAt }, position: 999 };
    expect(computeEventHash(GENESIS_HASH, reordered)).toBe(event.hash);
  });

  it('changes with the previous hash', () => {
    const [event] = chain(1);
    expect(computeEventHash('f'.repeat(64), event)).not.toBe(event.hash);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain, an empty one and a slice that starts later', () => {
    const events = chain(4);
    expect(verifyChain(events)).toEqual({ ok: true });
    expect(verifyChain([])).toEqual({ ok: true });
    expect(verifyChain(events.slice(2))).toEqual({ ok: true });
  });

  it('rejects changed content at the changed event', () => {
    const events = chain(3);
    const tampered = events.map((e) => (e.revision === 1 ? { ...e, type: 'DealClosed' } : e));
    expect(verifyChain(tampered)).toEqual({ ok: false, revision: 1, eventId: events[1].eventId, reason: 'hash does not match the event content' });
  });

  it('rejects an event re-hashed onto a forged predecessor', () => {
    const events = chain(3);
    const forgedPrev = 'a'.repeat(64);
    const forged = { ...events[2], prevHash: forgedPrev, hash: computeEventHash(forgedPrev, events[2]) };
    expect(verifyChain([events[0], events[1], forged])).toMatchObject({ ok: false, revision: 2, reason: expect.stringContaining('prevHash') });
  });

  it('rejects a revision 0 that does not start from the genesis hash', () => {
    const [event] = chain(1);
    const prevHash = 'b'.repeat(64);
    expect(verifyChain([{ ...event, prevHash, hash: computeEventHash(prevHash, event) }])).toMatchObject({ ok: false, revision: 0 });
  });

  it('rejects gaps, reordering and mixed streams', () => {
    const events = chain(3);
    expect(verifyChain([events[0], events[2]])).toMatchObject({ ok: false, revision: 2 });
    expect(verifyChain([events[1], events[0]])).toMatchObject({ ok: false, revision: 0 });
    expect(verifyChain([events[0], chain(2, 'deal-2')[1]])).toMatchObject({ ok: false, reason: expect.stringContaining('stream') });
  });
});
