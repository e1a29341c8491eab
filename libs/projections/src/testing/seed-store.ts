import { randomUUID } from 'node:crypto';
import { EventStore } from '@deals/event-store';

/** Appends `total` small events spread over `streams` streams, in concurrent groups. */
export async function seedStore(store: EventStore, total: number, streams = 50, types = ['Counted']): Promise<void> {
  const group = 200;
  for (let i = 0; i < total; i += group) {
    const n = Math.min(group, total - i);
    await Promise.all(
      Array.from({ length: n }, (_, j) =>
        store.append(`count-${(i + j) % streams}`, [
          { eventId: randomUUID(), type: types[(i + j) % types.length], data: { n: i + j }, metadata: { actor: { id: 'seed', roles: [] } } },
        ]),
      ),
    );
  }
}
