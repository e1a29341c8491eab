import { CommandHandler, ExpectedVersionConflictError } from '@event-driven-io/emmett';
import {
  appendToStream as emmettAppend, createEventStoreSchema, getSQLiteEventStore, readStream as emmettRead, sqliteConnection, SQLiteConnection,
} from '@event-driven-io/emmett-sqlite';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { authorizedDealDecider, createDealDecider, DealCommand, DealEvent, DealState, dealStreamId } from '@deals/domain';
import { SqliteEventStore } from '@deals/event-store';
import { commandMetadata, eventMetadataFor, handleCommand, requestHashOf, StreamStateCache } from '@deals/command-pipeline';
import { closedLoop } from '../lib/closed-loop';
import { median } from '../lib/stats';
import { CommandRound, RunnerFigures } from './commands-labels';
import { dealLifecycle, DealStep, organisation, relationsOfOrganisation } from '../workload/deal-lifecycle';

/**
 * Command throughput, durable, at concurrency 1 and 64: the product's command path on the
 * embedded store, Emmett's SQLite event store running the same decider, and the limit (a bare
 * better-sqlite3 loop doing only the SQL a command needs), interleaved round by round.
 */

export interface CommandsConfig {
  readonly rounds: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  readonly concurrencies: readonly number[];
  readonly dir: string;
  /** Run only these runners (e.g. for a profile). */
  readonly only?: readonly string[];
}

export type { RunnerFigures };

interface Runner {
  /** Runs one command; resolves with the number of events it reported written. */
  run(deal: number, step: number): Promise<number>;
  close(): Promise<void>;
  /** The table the events end up in, to count what was really stored. */
  readonly table: string;
}

type RunnerFactory = (path: string) => Promise<Runner>;

const POOL = 1000;
const ORG = organisation(200);
const START = Date.parse('2026-01-05T09:00:00.000Z');
/** Deal shapes by index, so every runner runs exactly the same sequence of commands. */
const SHAPES: readonly DealStep[][] = Array.from({ length: POOL }, (_, i) => dealLifecycle(i, '', START, ORG));
export const stepsOf = (deal: number) => SHAPES[deal % POOL].length;

function dealIds(): (deal: number) => string {
  const prefix = randomUUID().slice(0, 24);
  return (deal) => `${prefix}${deal.toString(16).padStart(12, '0')}`;
}

function dataOf(step: DealStep, dealId: string): DealCommand['data'] {
  return step.type === 'OpenDeal' ? { ...(step.data as object), dealId } as DealCommand['data'] : step.data;
}

const dealDecider = createDealDecider();
const RELATIONS = relationsOfOrganisation(ORG);
function decider(dealId: string) {
  return authorizedDealDecider(RELATIONS, dealId, dealDecider);
}

function commandOf(step: DealStep, deal: number, stepIndex: number, dealId: string) {
  const key = `bench-${deal}-${stepIndex}`;
  const command = { type: step.type, data: dataOf(step, dealId), metadata: commandMetadata({ actor: step.actor, idempotencyKey: key }) } as DealCommand;
  return { command, key };
}

/**
 * The product: what the API's DealCommandHandler runs for a command, without HTTP — the authorised
 * deal decider, handleCommand (cached fold, idempotency, decide, append) and SqliteEventStore (durable, group commit).
 */
export const productRunner: RunnerFactory = async (path) => {
  const store = new SqliteEventStore({ path });
  const recentDeals = new StreamStateCache<DealState>();
  const idOf = dealIds();
  return {
    run: async (deal, stepIndex) => {
      const dealId = idOf(deal);
      const { command, key } = commandOf(SHAPES[deal % POOL][stepIndex], deal, stepIndex, dealId);
      const result = await handleCommand(store, decider(dealId), dealStreamId(dealId), command, { idempotencyKey: key, cache: recentDeals });
      return result.events.length;
    },
    close: () => store.close(),
    table: 'events',
  };
};

/** Emmett's command handling (CommandHandler: aggregateStream → decide → appendToStream with the expected version) over a store. */
function emmettRunner(storeOf: (path: string) => Promise<{ store: unknown; close: () => Promise<void> }>): RunnerFactory {
  return async (path) => {
    const { store, close } = await storeOf(path);
    const idOf = dealIds();
    return {
      run: async (deal, stepIndex) => {
        const dealId = idOf(deal);
        const { command } = commandOf(SHAPES[deal % POOL][stepIndex], deal, stepIndex, dealId);
        const d = decider(dealId);
        // The product's handleCommand computes the request hash itself; Emmett's handler is given it.
        const metadata = eventMetadataFor(command, requestHashOf(dealStreamId(dealId), command));
        const handle = CommandHandler<DealState, DealEvent>({ evolve: d.evolve as never, initialState: d.initialState });
        const result = await handle(store as never, dealStreamId(dealId), (state: DealState) =>
          d.decide(command, state).map((e) => ({ type: e.type, data: e.data, metadata })) as never);
        return result.newEvents.length;
      },
      close,
      table: 'emt_messages',
    };
  };
}

/** Emmett as documented: `getSQLiteEventStore({ fileName })` (it opens and closes a connection per operation on a file). */
export const emmettDefaultRunner = emmettRunner(async (path) => {
  const store = getSQLiteEventStore({ fileName: path });
  return { store, close: async () => undefined };
});

/**
 * Emmett with one long-lived connection: the same store built from its exported functions
 * (`sqliteConnection`, `readStream`, `appendToStream`), so no connection is opened per operation.
 */
export const emmettConnectionRunner = emmettRunner(async (path) => {
  const connection: SQLiteConnection = sqliteConnection({ fileName: path });
  await createEventStoreSchema(connection);
  const store = {
    async aggregateStream<S, E>(streamName: string, options: { evolve: (s: S, e: E) => S; initialState: () => S }) {
      const result = await emmettRead(connection, streamName);
      let state = options.initialState();
      for (const event of result.events) if (event) state = options.evolve(state, event as E);
      return { currentStreamVersion: result.currentStreamVersion, state, streamExists: result.streamExists };
    },
    async appendToStream(streamName: string, events: never[], options?: { expectedStreamVersion?: bigint | string }) {
      const result = await emmettAppend(connection, streamName, 'deal', events, options as never);
      if (!result.success) throw new ExpectedVersionConflictError(-1n, options?.expectedStreamVersion as bigint);
      return {
        nextExpectedStreamVersion: result.nextStreamPosition,
        lastEventGlobalPosition: result.lastGlobalPosition,
        createdNewStream: result.nextStreamPosition === BigInt(events.length),
      };
    },
  };
  return { store, close: async () => connection.close() };
});

/** Rows a command writes, serialised once up front: the limit does no deciding and no hashing. */
interface TemplateRow {
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

function templates(): TemplateRow[][][] {
  return SHAPES.map((shape, i) => {
    const dealId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const d = decider(dealId);
    let state = d.initialState();
    return shape.map((step, k) => {
      const { command } = commandOf(step, i, k, dealId);
      const metadata = { ...eventMetadataFor(command, requestHashOf(dealStreamId(dealId), command)), recordedAt: command.metadata.now };
      const events = d.decide(command, state);
      state = events.reduce((s, e) => d.evolve(s, { ...e, metadata } as DealEvent), state);
      return events.map((e) => ({ type: e.type, data: JSON.stringify(e.data), metadata: JSON.stringify(metadata) }));
    });
  });
}

let templateCache: TemplateRow[][][] | undefined;

/**
 * The limit: better-sqlite3, WAL, synchronous=FULL, read the stream's rows, insert the new rows
 * (UNIQUE (stream_id, revision) is the revision check); inserts submitted in the same event-loop
 * turn commit in one transaction, as the product's group commit does.
 */
export const bareRunner: RunnerFactory = async (path) => {
  templateCache ??= templates();
  const rowsOf = templateCache;
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
    type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, revision))`);
  const read = db.prepare('SELECT position, revision, type, data, metadata FROM events WHERE stream_id = ? ORDER BY revision');
  const insert = db.prepare('INSERT INTO events (stream_id, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?)');
  let queue: { work: () => void; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    const failed: unknown[] = [];
    db.exec('BEGIN IMMEDIATE');
    for (const item of batch) {
      try {
        item.work();
        failed.push(undefined);
      } catch (error) {
        failed.push(error ?? new Error('failed'));
      }
    }
    db.exec('COMMIT');
    batch.forEach((item, i) => (failed[i] === undefined ? item.resolve() : item.reject(failed[i])));
  };
  const submit = (work: () => void) => new Promise<void>((resolve, reject) => {
    queue.push({ work, resolve, reject });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
  const idOf = dealIds();
  return {
    run: async (deal, stepIndex) => {
      const streamId = dealStreamId(idOf(deal));
      const current = read.all(streamId).length;
      const rows = rowsOf[deal % POOL][stepIndex];
      await submit(() => rows.forEach((r, k) => insert.run(streamId, current + k, r.type, r.data, r.metadata)));
      return rows.length;
    },
    table: 'events',
    close: async () => {
      db.close();
    },
  };
};

export const RUNNERS: Readonly<Record<string, RunnerFactory>> = {
  product: productRunner,
  'emmett-default': emmettDefaultRunner,
  'emmett-connection': emmettConnectionRunner,
  bare: bareRunner,
};

/** Emmett logs every failed transaction with console.log; keep the run's output readable (the errors are counted instead). */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const target = console as { log: (...args: unknown[]) => void };
  const log = target.log;
  target.log = () => undefined;
  try {
    return await work();
  } finally {
    target.log = log;
  }
}

/** Events really in the file once the runner is closed: an acknowledged command whose events are missing was lost. */
function storedRows(path: string, table: string): number {
  try {
    const db = new Database(path, { readonly: true });
    const n = db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
    db.close();
    return n;
  } catch {
    return NaN;
  }
}

export async function runCommands(config: CommandsConfig): Promise<RunnerFigures[]> {
  const names = Object.keys(RUNNERS).filter((n) => !config.only || config.only.includes(n));
  const results = new Map<string, CommandRound[]>();
  mkdirSync(config.dir, { recursive: true });
  for (let round = 0; round < config.rounds; round++) {
    for (const concurrency of config.concurrencies) {
      for (const name of names) {
        const path = join(config.dir, `${name}-${concurrency}-${round}.db`);
        const runner = await RUNNERS[name](path);
        let acknowledged = 0;
        const loop = await quietly(() => closedLoop(
          { concurrency, warmupMs: config.warmupMs, measureMs: config.measureMs },
          (deal, step) => runner.run(deal, step).then((n) => void (acknowledged += n)),
          stepsOf,
        ));
        await runner.close().catch(() => undefined);
        const result = { ...loop, acknowledgedEvents: acknowledged, storedEvents: storedRows(path, runner.table) };
        for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
        const key = `${name}@${concurrency}`;
        results.set(key, [...(results.get(key) ?? []), result]);
        process.stderr.write(`  commands ${key} round ${round + 1}: ${result.perSecond.toFixed(0)}/s (${result.failed} failed)\n`);
      }
    }
  }
  return [...results.entries()].map(([key, rounds]) => {
    const [runner, c] = key.split('@');
    return { runner, concurrency: Number(c), perSecond: median(rounds.map((r) => r.perSecond)), rounds };
  });
}
