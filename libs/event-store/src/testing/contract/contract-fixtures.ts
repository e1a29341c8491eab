import { randomUUID } from 'node:crypto';
import { EventStore, EventToAppend, RecordedEvent } from '../../event-store.port';

/** The store under test, set by the contract's beforeEach. */
export type StoreGetter = () => EventStore;

/** A stream id nobody else uses, so the suite can run against a shared server. */
export function uniqueStream(category = 'deal'): string {
  return `${category}-${randomUUID()}`;
}

/** A category nobody else uses (no '-', so categoryOf returns it whole). */
export function uniqueCategory(): string {
  return `contract${randomUUID().replace(/-/g, '')}`;
}

export function anEvent(overrides: Partial<EventToAppend> = {}): EventToAppend {
  return { eventId: randomUUID(), type: 'DealNoted', data: { note: 'n' }, metadata: {}, ...overrides };
}

export function events(count: number, overrides: Partial<EventToAppend> = {}): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => anEvent({ data: { i }, ...overrides }));
}

export function idsOf(list: readonly { eventId: string }[]): string[] {
  return list.map((e) => e.eventId);
}

/** The error a promise rejects with, checked to be of `type`. */
export async function rejectionOf<E>(promise: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error(`Expected a rejection with ${type.name}, but it resolved with ${JSON.stringify(outcome)}`);
}

/** The next `count` events of a subscription (fewer if it ends first). */
export async function take(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  while (taken.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
}

/** Lets pending work run, e.g. a subscriber reach the point where it waits for new events. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
