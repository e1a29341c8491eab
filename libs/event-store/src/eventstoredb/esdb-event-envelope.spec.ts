import { randomUUID } from 'node:crypto';
import type { JSONEventData } from '@eventstore/db-client';
import { validateAppend } from '../append-validation';
import { InvalidAppendError } from '../event-store.errors';
import { EventToAppend } from '../event-store.port';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { CHAIN_KEY, ResolvedEventLike, assertStorable, fromResolvedEvent, positionOf, toEventData } from './esdb-event-envelope';

const RECORDED_AT = '2030-01-01T00:00:00.123Z';
const event = (overrides: Partial<EventToAppend> = {}): EventToAppend => ({
  eventId: randomUUID(),
  type: 'DealNoted',
  data: { note: 'n' },
  metadata: { actor: 'u1' },
  ...overrides,
});

/** What the client hands back for a stored event: JSON through the wire, revisions and positions as bigint. */
function asRead(streamId: string, data: JSONEventData, revision: number, position: number): ResolvedEventLike {
  return {
    event: {
      streamId,
      id: data.id,
      revision: BigInt(revision),
      type: data.type,
      isJson: true,
      data: JSON.parse(JSON.stringify(data.data)),
      metadata: JSON.parse(JSON.stringify(data.metadata)),
      position: { commit: BigInt(position), prepare: BigInt(position) },
    },
  };
}

describe('the stored form of an event', () => {
  it('round-trips to the port shape: metadata with recordedAt and without $chain, defaults filled in', () => {
    const valid = validateAppend('deal-1', [event({ schemaVersion: 3, data: [1, 'two', null] }), event({ data: null })], 'any');
    const stored = toEventData('deal-1', valid, undefined, RECORDED_AT);
    const read = stored.map((d, i) => fromResolvedEvent(asRead('deal-1', d, i, 500 + i * 100)));

    expect(read[0]).toEqual({
      streamId: 'deal-1',
      revision: 0,
      position: 500,
      eventId: valid[0].eventId,
      type: 'DealNoted',
      schemaVersion: 3,
      data: [1, 'two', null],
      metadata: { actor: 'u1', recordedAt: RECORDED_AT },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      prevHash: GENESIS_HASH,
    });
    expect(read[1]).toMatchObject({ revision: 1, position: 600, schemaVersion: 1, data: null, prevHash: read[0]?.hash });
    expect(verifyChain(read.map((e) => e!))).toEqual({ ok: true });
  });

  it('keeps the chain in the stored metadata, beside the caller metadata, for other tools to see', () => {
    const [stored] = toEventData('deal-1', validateAppend('deal-1', [event()], 'any'), undefined, RECORDED_AT);
    expect(stored).toMatchObject({ contentType: 'application/json', type: 'DealNoted', data: { note: 'n' } });
    expect(stored.metadata).toEqual({
      actor: 'u1',
      recordedAt: RECORDED_AT,
      [CHAIN_KEY]: { hash: expect.any(String), prevHash: GENESIS_HASH, schemaVersion: 1 },
    });
  });

  it('chains onto the head of an existing stream, continuing its revisions', () => {
    const first = toEventData('deal-1', validateAppend('deal-1', [event(), event()], 'any'), undefined, RECORDED_AT);
    const firstRead = first.map((d, i) => fromResolvedEvent(asRead('deal-1', d, i, 100 + i))!);
    const next = toEventData('deal-1', validateAppend('deal-1', [event()], 1), firstRead[1], RECORDED_AT);
    const nextRead = fromResolvedEvent(asRead('deal-1', next[0], 2, 200))!;
    expect(nextRead.prevHash).toBe(firstRead[1].hash);
    expect(verifyChain([...firstRead, nextRead])).toEqual({ ok: true });
  });

  it('hashes the revision: the same events chained at another revision hash differently', () => {
    const valid = validateAppend('deal-1', [event()], 'any');
    const [atZero] = toEventData('deal-1', valid, undefined, RECORDED_AT);
    const [atSix] = toEventData('deal-1', valid, { revision: 5, hash: GENESIS_HASH }, RECORDED_AT);
    expect((atZero.metadata as Record<string, { hash: string }>)[CHAIN_KEY].hash).not.toBe(
      (atSix.metadata as Record<string, { hash: string }>)[CHAIN_KEY].hash,
    );
  });
});

describe('fromResolvedEvent', () => {
  const [stored] = toEventData('deal-1', validateAppend('deal-1', [event()], 'any'), undefined, RECORDED_AT);
  const read = asRead('deal-1', stored, 0, 700);

  it('passes over what this store did not write: system streams, links, binary and foreign events', () => {
    expect(fromResolvedEvent({})).toBeUndefined();
    expect(fromResolvedEvent({ event: { ...read.event!, streamId: '$settings' } })).toBeUndefined();
    expect(fromResolvedEvent({ event: { ...read.event!, isJson: false, data: new Uint8Array([1]) } })).toBeUndefined();
    expect(fromResolvedEvent({ event: { ...read.event!, metadata: { recordedAt: RECORDED_AT } } })).toBeUndefined();
    expect(fromResolvedEvent({ event: { ...read.event!, metadata: undefined } })).toBeUndefined();
    expect(fromResolvedEvent({ event: { ...read.event!, metadata: { [CHAIN_KEY]: { hash: 'h', prevHash: 'p', schemaVersion: 0 }, recordedAt: 'x' } } })).toBeUndefined();
  });

  it('takes the position from the resolved event when the record has none (a $all read), and fails without either', () => {
    const unknown = { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n };
    expect(fromResolvedEvent({ event: { ...read.event!, position: undefined }, commitPosition: 900n })?.position).toBe(900);
    expect(fromResolvedEvent({ event: { ...read.event!, position: unknown }, commitPosition: 901n })?.position).toBe(901);
    expect(() => fromResolvedEvent({ event: { ...read.event!, position: unknown } })).toThrow(/22\.6/);
    expect(positionOf({ event: { ...read.event!, position: unknown } })).toBeUndefined();
  });

  it('reports event ids in lower case, as appends store them', () => {
    expect(fromResolvedEvent({ event: { ...read.event!, id: stored.id.toUpperCase() } })?.eventId).toBe(stored.id);
  });
});

describe('assertStorable', () => {
  it('refuses system stream ids and metadata that uses the reserved key', () => {
    expect(() => assertStorable('$deal-1', [])).toThrow(InvalidAppendError);
    const reserved = validateAppend('deal-1', [event({ metadata: { [CHAIN_KEY]: 1 } })], 'any');
    expect(() => assertStorable('deal-1', reserved)).toThrow(InvalidAppendError);
    expect(() => assertStorable('deal-1', validateAppend('deal-1', [event()], 'any'))).not.toThrow();
  });
});
