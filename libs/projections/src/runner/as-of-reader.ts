import { EventStore } from '@deals/event-store';
import { Projection, ReadModel } from '../projection';
import { applyBatch } from './apply-batch';
import { lastPositionAtOrBefore } from './as-of';
import { AsOfReadModel, Missing } from './as-of-read-model';
import { ProjectionDatabase } from './projection-database';
import { AsOfScanError } from './projection.errors';

/** Where the documents of a past moment come from. */
export interface AsOfSource<D> {
  readonly store: EventStore;
  readonly db: ProjectionDatabase;
  readonly projection: Projection<D>;
  /**
   * The current read model and its build, read together: the build's versions reach exactly as
   * far as the documents, so a document with no version after the moment is the current one.
   */
  current(): { readonly docs: ReadModel<D>; readonly build: number };
}

const PAGE = 2000;
/** A query reads the documents it found keys in: the commission statement needs three rounds. */
const MAX_ROUNDS = 16;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs a pure query over the projection's documents as of `position`, which the runner has
 * passed: the query runs over what has been fetched, the documents it lacked are fetched, and it
 * runs again until it lacked nothing. A document other streams feed is its newest kept version
 * at or before the position; a document of one stream is that stream's events up to the
 * position folded again; either is the current document when nothing changed it since. The
 * cost follows the documents the query reads, not the size of the store.
 */
export async function queryAsOf<D, R>(source: AsOfSource<D>, position: number, query: (docs: ReadModel<D>) => R): Promise<R> {
  const model = new AsOfReadModel<D>();
  for (let round = 1; ; round++) {
    let outcome: { result: R } | { error: unknown };
    try {
      outcome = { result: query(model) };
    } catch (error) {
      // A query over documents it has not got yet may fail; it runs again once they are there.
      outcome = { error };
    }
    const missing = model.takeMissing();
    if (missing === undefined) {
      if ('error' in outcome) throw outcome.error;
      return outcome.result;
    }
    if (round === MAX_ROUNDS) throw new Error(`A query over ${source.projection.name} as of ${position} still lacked documents after ${round} rounds`);
    await fetchMissing(source, position, model, missing);
  }
}

async function fetchMissing<D>(source: AsOfSource<D>, position: number, model: AsOfReadModel<D>, missing: Missing): Promise<void> {
  if (missing.all) return fetchAll(source, position, model);
  for (const prefix of missing.prefixes) {
    // A key of one stream that held a document then still has one (the runner has passed the moment), or its deletion is kept.
    const ofStreams = new Set(source.db.keysWithPrefix(source.projection.name, prefix).filter((key) => ofOneStream(source.projection, key)));
    const kept: string[] = [];
    for await (const page of keptVersions(source, position, prefix)) {
      for (const [key, doc] of page) {
        if (ofOneStream(source.projection, key)) ofStreams.add(key);
        else {
          model.add(key, doc);
          kept.push(key);
        }
      }
    }
    await fetchKeys(source, position, model, [...ofStreams]);
    model.addPrefix(prefix, [...kept, ...ofStreams]);
  }
  await fetchKeys(source, position, model, [...missing.keys]);
}

/** Every document: only where every document's versions are kept; folding every stream again would be a replay. */
async function fetchAll<D>(source: AsOfSource<D>, position: number, model: AsOfReadModel<D>): Promise<void> {
  if (source.projection.streamOf) throw new AsOfScanError(source.projection.name);
  const all: [string, D, number][] = [];
  for await (const page of keptVersions(source, position, '')) for (const [key, doc, created] of page) if (doc !== undefined) all.push([key, doc, created]);
  all.sort((a, b) => a[2] - b[2]);
  model.addAll(all.map(([key, doc]) => [key, doc]));
}

async function fetchKeys<D>(source: AsOfSource<D>, position: number, model: AsOfReadModel<D>, keys: readonly string[]): Promise<void> {
  const { docs: current, build } = source.current();
  const streams = new Map<string, [string, D | undefined][]>();
  for (const key of keys) {
    const stream = source.projection.streamOf?.(key);
    // Read now, before any await: the stream is checked below against what came after.
    if (stream !== undefined) streams.set(stream, [...(streams.get(stream) ?? []), [key, current.get(key)]]);
    else model.add(key, source.db.versions.documentAt<D>(build, key, position));
  }
  for (const [stream, wanted] of streams) {
    const [last] = await source.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    if (last === undefined || last.position <= position) {
      for (const [key, doc] of wanted) model.add(key, doc);
    } else {
      const folded = await foldStream(source, stream, position);
      for (const [key] of wanted) model.add(key, folded.get(key));
    }
  }
}

/** The documents of one stream as of `position`: the live runner's batch fold, over that stream's events. */
async function foldStream<D>(source: AsOfSource<D>, stream: string, position: number): Promise<Map<string, D | undefined>> {
  const { projection } = source;
  const events = (await source.store.readStream(stream)).filter((e) => e.position <= position);
  const own: Projection<D> = { ...projection, keysOf: (e) => projection.keysOf(e).filter((key) => projection.streamOf?.(key) === stream) };
  return applyBatch(own, new Map(), events).docs;
}

/**
 * Pages of the kept keys starting with `prefix`, each with its document as of `position` (the
 * current one where no version came after) and the order it was created in.
 */
async function* keptVersions<D>(source: AsOfSource<D>, position: number, prefix: string): AsyncGenerator<[string, D | undefined, number][]> {
  let after: string | undefined;
  do {
    const { docs: current, build } = source.current();
    const page = source.db.versions.documentsAt<D>(build, position, { prefix, after, limit: PAGE, skipLatest: true });
    yield page.documents.map((v): [string, D | undefined, number] => [v.key, v.latest ? current.get(v.key) : v.doc, v.created]);
    after = page.last;
    await nextTurn();
  } while (after !== undefined);
}

const ofOneStream = (projection: Projection<unknown>, key: string) => projection.streamOf?.(key) !== undefined;

/** The query's answer as of `position`, with the position of the projection's last event at or before it (as a replay up to it reports). */
export async function answerAsOf<D, R>(source: AsOfSource<D>, position: number, query: (docs: ReadModel<D>) => R): Promise<{ result: R; position: number }> {
  return { result: await queryAsOf(source, position, query), position: await lastPositionAtOrBefore(source.store, source.projection.filter, position) };
}
