import { EventStore } from '@deals/event-store';
import { Projection } from '../projection';
import { applyBatchInPlace } from './apply-batch';
import { LoggedChange, LoggedChangeRow, ProjectionDatabase } from './projection-database';

/**
 * The documents of logged changes the log keeps none of (`foldFrom`), by change id: each stream
 * is read once, up to the last position asked for, and folded event by event as the live runner
 * did, taking each change's document after its event.
 */
export async function foldLoggedChanges(
  store: EventStore,
  projectionOf: (name: string) => Projection<unknown>,
  rows: readonly LoggedChangeRow[],
): Promise<Map<number, unknown>> {
  const folds = new Map<string, { projection: Projection<unknown>; stream: string; wanted: LoggedChangeRow[] }>();
  for (const row of rows) {
    if (row.foldFrom === undefined) continue;
    const id = `${row.projection}\u0000${row.foldFrom}`;
    let fold = folds.get(id);
    if (!fold) folds.set(id, (fold = { projection: projectionOf(row.projection), stream: row.foldFrom, wanted: [] }));
    fold.wanted.push(row);
  }
  const docs = new Map<number, unknown>();
  for (const { projection, stream, wanted } of folds.values()) {
    const upTo = Math.max(...wanted.map((r) => r.position));
    const own: Projection<unknown> = { ...projection, keysOf: (e) => projection.keysOf(e).filter((key) => projection.streamOf?.(key) === stream) };
    const model = new Map<string, unknown>();
    const byPosition = new Map<number, LoggedChangeRow[]>();
    for (const r of wanted) byPosition.set(r.position, [...(byPosition.get(r.position) ?? []), r]);
    for (const e of await store.readStream(stream)) {
      if (e.position > upTo) break;
      applyBatchInPlace(own, model, [e]);
      for (const r of byPosition.get(e.position) ?? []) docs.set(r.id, model.get(r.key));
    }
  }
  return docs;
}

/** Logged changes after `changeId`, each with its document then (folded again from its stream where the log keeps none). */
export async function loggedChangesAfter(
  store: EventStore, db: ProjectionDatabase, projectionOf: (name: string) => Projection<unknown>,
  changeId: number, names: readonly string[] | undefined, limit: number,
): Promise<LoggedChange[]> {
  const rows = db.changesAfter(changeId, names, limit);
  const folded = await foldLoggedChanges(store, projectionOf, rows);
  return rows.map(({ foldFrom, ...change }) => (foldFrom === undefined ? change : { ...change, doc: folded.get(change.id) }));
}
