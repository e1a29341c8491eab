import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@deals/event-store';
import { registerUsers } from '@deals/seed';
import { ChildOptions, startServer, stopServer } from './child';

/** The real application in its own process (bench/servers/app-server.ts), on a fresh durable store. */

/** The token secret the server is started with; load generators sign their bearer tokens with it. */
export const APP_SECRET = 'bench-live-secret-bench-live-secret-0123456789';

/** The users the load generators sign tokens for (the API refuses unregistered ones): fifty reps and a sales-ops reader. */
export const APP_USERS = {
  reps: Array.from({ length: 50 }, (_, k) => ({ id: `live.rep${k}`, roles: ['rep'] })),
  ops: { id: 'olga.ops', roles: ['sales-ops'] },
};

export interface AppServer {
  readonly child: ChildProcess;
  readonly port: number;
}

/** What the read models took on disk for the events the server stored, read after it stopped. */
export interface ReadModelWrites {
  /** Events in the store (the users registered before the start included). */
  readonly events: number;
  /** projections.db with its WAL and shared-memory files. */
  readonly bytes: number;
  readonly bytesPerEvent: number;
  /** Bytes per table and index (SQLite's dbstat), largest first. */
  readonly tables: readonly { readonly name: string; readonly bytes: number }[];
}

/** projections.db (and its sidecar files) of a stopped server's folder, per event of its store. */
export async function readModelWrites(dataDir: string): Promise<ReadModelWrites> {
  const bytes = ['projections.db', 'projections.db-wal', 'projections.db-shm']
    .map((f) => join(dataDir, f)).filter((f) => existsSync(f)).reduce((n, f) => n + statSync(f).size, 0);
  const file = join(dataDir, 'projections.db');
  let tables: { name: string; bytes: number }[] = [];
  if (existsSync(file)) {
    const db = new Database(file, { readonly: true });
    try {
      tables = db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as { name: string; bytes: number }[];
    } finally {
      db.close();
    }
  }
  const store = new SqliteEventStore({ path: join(dataDir, 'events.db') });
  try {
    const events = await store.headPosition();
    return { events, bytes, bytesPerEvent: events > 0 ? bytes / events : NaN, tables };
  } finally {
    await store.close();
  }
}

/**
 * Starts the server on a folder `dataDir` holding only `APP_USERS`, runs `use`, then stops the
 * server, calls `afterStop` on the folder if given, and removes it.
 */
export function withAppServer<T>(dataDir: string, options: ChildOptions, use: (server: AppServer) => Promise<T>, afterStop?: (dataDir: string) => Promise<void>): Promise<T> {
  return withServerOnAppStore(join(__dirname, '..', 'servers', 'app-server.ts'), {}, dataDir, options, use, afterStop);
}

/** As withAppServer, for any server script taking `{ dataDir, secret }` (plus `args`) as its job. */
export async function withServerOnAppStore<T>(
  script: string, args: object, dataDir: string, options: ChildOptions, use: (server: AppServer) => Promise<T>, afterStop?: (dataDir: string) => Promise<void>,
): Promise<T> {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const store = new SqliteEventStore({ path: join(dataDir, 'events.db') });
  await registerUsers(store, [...APP_USERS.reps, APP_USERS.ops]);
  await store.close();
  const server = await startServer(script, { ...options, args: { ...args, dataDir, secret: APP_SECRET } });
  try {
    return await use(server);
  } finally {
    await stopServer(server.child);
    try {
      await afterStop?.(dataDir);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

export interface ServerMemory {
  readonly rss: number;
  readonly heapUsed: number;
}

/** The server's own `process.memoryUsage()`, asked over its IPC channel (answered between requests, like any other work). */
export function serverMemory(child: ChildProcess, timeoutMs = 10_000): Promise<ServerMemory> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { memory?: ServerMemory }) => {
      if (!m?.memory) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m.memory);
    };
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`server ${child.pid} did not report its memory within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.send({ memory: true });
  });
}
