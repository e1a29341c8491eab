import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { APP_SECRET, APP_USERS, withAppServer, withServerOnAppStore } from '../lib/app-server';
import { startServer, stopServer } from '../lib/child';
import { closedLoop, ClosedLoopResult } from '../lib/closed-loop';
import { post } from '../lib/http-client';
import { loadAverage } from '../lib/machine';
import { ProfileWindow } from '../lib/profile';
import { PG_SETTINGS, PostgresCluster, postgresMissing, startPostgres } from '../lib/postgres';
import { median } from '../lib/stats';
import { dealLanes } from '../workload/deal-lanes';
import { stepsOf } from './commands';

/**
 * Commands over HTTP, closed loop at 64 clients: the application (a fresh server and store per
 * round) against the HTTP limit — a bare Node `http` server doing the SQL a command needs
 * (bench/servers/bare-command-server.ts) — in alternate rounds, so the ratio comes from one run.
 * `nest-express` and `nest-fastify`: the API's deal command routes alone, on each of Nest's HTTP
 * adapters (bench/servers/nest-command-server.ts), for what the adapter costs per command.
 * The peer (`peer`): Emmett on PostgreSQL behind Express (bench/peers/emmett-postgresql/server.ts),
 * taking the application's requests from the same load generator, on a PostgreSQL cluster this
 * section starts (bench/lib/postgres.ts), a fresh database per round.
 */

export type NestTarget = 'nest-express' | 'nest-fastify';
/** `app-main`, `app-worker`: the application with PROJECTIONS_THREAD set so (`app`: as the environment has it). */
export type HttpTarget = 'app' | 'app-main' | 'app-worker' | 'bare' | 'peer' | NestTarget;

export interface HttpCommandsJob {
  readonly workDir: string;
  readonly rounds: number;
  readonly concurrency: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  readonly targets?: readonly HttpTarget[];
  /** Profile the application server (written to this folder). */
  readonly appProfileDir?: string;
  /** Profile the nest-* servers (each into its own subfolder of this one, named by the target). */
  readonly nestProfileDir?: string;
}

export interface HttpCommandsRound {
  readonly perSecond: number;
  readonly failed: number;
  readonly errors: readonly string[];
  /** Load average (1 min) when the round ended. */
  readonly load: number;
  /** CPU time (user + system) of the server process per completed command, warm-up included: steadier than the rate on a shared machine. */
  readonly serverCpuMsPerCommand: number;
  /** The same for the server's main thread alone (its request loop), without worker and helper threads. */
  readonly mainThreadCpuMsPerCommand?: number;
  /** Latency of the commands sent and completed in the window (send → answer). */
  readonly latencyMs?: { readonly p50: number; readonly p99: number; readonly max: number };
  /** Events the server answered as written, over the whole round (warm-up included). */
  readonly acknowledgedEvents?: number;
  /** Events found in the round's store once the round was over: fewer than acknowledged is a lost write. */
  readonly storedEvents?: number;
  /** The peer only: CPU time of the PostgreSQL server per completed command, warm-up included (its share of the work, outside the Node process). */
  readonly databaseCpuMsPerCommand?: number;
  /** The measured part of the round on the profiler's clock (warm-up left out), to profile only it. */
  readonly window?: ProfileWindow;
}

export interface HttpCommandsFigures {
  readonly target: HttpTarget;
  readonly concurrency: number;
  readonly perSecond: number;
  readonly rounds: readonly HttpCommandsRound[];
  /** The peer only: why it did not run (no rounds then). */
  readonly skipped?: string;
  /** The peer only: what it ran on. */
  readonly peer?: { readonly postgres: string; readonly settings: Readonly<Record<string, string>>; readonly poolSize: number };
}

/** CPU time a process has used so far, in ms (Linux: /proc/<pid>/stat, utime + stime in clock ticks of 10 ms). */
function cpuMsOf(pid: number, thread?: number): number {
  const fields = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Runs the closed loop against a server process, counting every completed command and the server's CPU time meanwhile. */
async function measured(job: HttpCommandsJob, pid: number, run: (deal: number, step: number) => Promise<void>, stepsOf: (deal: number) => number): Promise<HttpCommandsRound> {
  let completed = 0;
  const cpu0 = cpuMsOf(pid);
  const main0 = cpuMsOf(pid, pid);
  const loop: ClosedLoopResult = await closedLoop(
    { concurrency: job.concurrency, warmupMs: job.warmupMs, measureMs: job.measureMs },
    (deal, step) => run(deal, step).then(() => void completed++),
    stepsOf,
  );
  const cpu = cpuMsOf(pid) - cpu0;
  const main = cpuMsOf(pid, pid) - main0;
  const n = Math.max(1, completed);
  return {
    perSecond: loop.perSecond, failed: loop.failed, errors: loop.errors, load: loadAverage()[0], serverCpuMsPerCommand: cpu / n, mainThreadCpuMsPerCommand: main / n,
    latencyMs: loop.latencyMs, window: loop.window,
  };
}

/** Rows of a table in an SQLite file, read-only (NaN when it cannot be read). */
function eventsInSqlite(path: string, table: string): number {
  if (!existsSync(path)) return NaN;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  } catch {
    return NaN;
  } finally {
    db.close();
  }
}

async function appRound(job: HttpCommandsJob, round: number, which: 'app' | 'app-main' | 'app-worker'): Promise<HttpCommandsRound> {
  const dataDir = join(job.workDir, `http-app-${process.pid}-${round}`);
  const env: Record<string, string> = which === 'app-main' ? { PROJECTIONS_THREAD: 'main' } : which === 'app-worker' ? { PROJECTIONS_THREAD: 'worker' } : {};
  return withAppServer(dataDir, { cpuProfDir: job.appProfileDir, env }, async ({ child, port }) => {
    const target = dealLanes(port, 8);
    const before = eventsInSqlite(join(dataDir, 'events.db'), 'events');
    const round = await measured(job, child.pid!, (deal, step) => target.sendStep(deal, step).then(() => undefined), () => target.steps);
    // Every acknowledged append is committed before its answer, so the count is final with the server still up.
    return { ...round, acknowledgedEvents: target.acknowledgedEvents(), storedEvents: eventsInSqlite(join(dataDir, 'events.db'), 'events') - before };
  });
}

async function bareRound(job: HttpCommandsJob, round: number): Promise<HttpCommandsRound> {
  const path = join(job.workDir, `http-bare-${process.pid}-${round}.db`);
  const { child, port } = await startServer(join(__dirname, '..', 'servers', 'bare-command-server.ts'), { args: { path } });
  try {
    // A body of the size of a command's (the app's OpenDeal is about 400 bytes).
    const pad = 'x'.repeat(300);
    let acknowledged = 0;
    const result = await measured(job, child.pid!, async (deal, step) => {
      const res = await post(port, '/commands', { Authorization: 'Bearer x', 'Idempotency-Key': `bare-${deal}-${step}` }, JSON.stringify({ deal, step, pad }));
      if (res.status !== 201) throw new Error(`bare ${res.status} ${res.body.slice(0, 120)}`);
      acknowledged += (JSON.parse(res.body) as { events: number }).events;
    }, stepsOf);
    await stopServer(child);
    return { ...result, acknowledgedEvents: acknowledged, storedEvents: eventsInSqlite(path, 'events') };
  } finally {
    await stopServer(child);
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}

async function nestRound(job: HttpCommandsJob, round: number, target: NestTarget): Promise<HttpCommandsRound> {
  const script = join(__dirname, '..', 'servers', 'nest-command-server.ts');
  const adapter = target === 'nest-fastify' ? 'fastify' : 'express';
  const cpuProfDir = job.nestProfileDir && join(job.nestProfileDir, target);
  return withServerOnAppStore(script, { adapter }, join(job.workDir, `http-${target}-${process.pid}-${round}`), { cpuProfDir }, async ({ child, port }) => {
    const lanes = dealLanes(port, 8);
    return measured(job, child.pid!, (deal, step) => lanes.sendStep(deal, step).then(() => undefined), () => lanes.steps);
  });
}

/** The peer's server (Express + Emmett on PostgreSQL) on a fresh database of the cluster, for the application's users and token secret. */
async function peerRound(job: HttpCommandsJob, round: number, cluster: PostgresCluster): Promise<HttpCommandsRound> {
  const database = `peer_${process.pid}_${round}_${job.concurrency}`;
  cluster.dropDatabase(database);
  cluster.createDatabase(database);
  try {
    const { child, port } = await startServer(PEER_SERVER, {
      args: { url: cluster.url(database), secret: APP_SECRET, users: [...APP_USERS.reps, APP_USERS.ops], poolSize: PEER_POOL_SIZE },
    });
    let result: HttpCommandsRound;
    let target: ReturnType<typeof dealLanes>;
    const db0 = cluster.cpuMs();
    let commandsAnswered = 0;
    try {
      target = dealLanes(port, 8);
      const lanes = target;
      result = await measured(job, child.pid!, (deal, step) => lanes.sendStep(deal, step).then(() => void commandsAnswered++), () => lanes.steps);
    } finally {
      await stopServer(child);
    }
    // The server's connections are closed: their backends have exited and their CPU time is the postmaster's.
    const dbCpu = cluster.cpuMs() - db0;
    return {
      ...result, acknowledgedEvents: target.acknowledgedEvents(), storedEvents: Number(cluster.sql(database, 'SELECT COUNT(*) FROM emt_messages')),
      databaseCpuMsPerCommand: dbCpu / Math.max(1, commandsAnswered),
    };
  } finally {
    cluster.dropDatabase(database);
  }
}

/** The peer's server, and the size of its pg pool (pg's default is 10). */
export const PEER_SERVER = join(__dirname, '..', 'peers', 'emmett-postgresql', 'server.ts');
export const PEER_POOL_SIZE = 20;

/** Why the peer cannot run here (PostgreSQL or the peer's packages missing), or undefined. */
export function peerMissing(): string | undefined {
  if (!existsSync(join(__dirname, '..', 'peers', 'emmett-postgresql', 'node_modules', '@event-driven-io', 'emmett-postgresql'))) {
    return 'the peer\'s packages are not installed: npm ci --prefix bench/peers/emmett-postgresql';
  }
  return postgresMissing();
}

export async function runHttpCommands(job: HttpCommandsJob): Promise<HttpCommandsFigures[]> {
  const wanted = job.targets ?? ['app', 'bare'];
  const peerSkipped = wanted.includes('peer') ? peerMissing() : undefined;
  if (peerSkipped) process.stderr.write(`  http commands: peer skipped: ${peerSkipped}\n`);
  const targets = wanted.filter((t) => t !== 'peer' || !peerSkipped);
  const cluster = targets.includes('peer') ? await startPostgres((m) => process.stderr.write(`${m}\n`)) : undefined;
  const rounds = new Map<string, HttpCommandsRound[]>();
  try {
    for (let round = 0; round < job.rounds; round++) {
      for (const target of targets) {
        const r = target === 'app' || target === 'app-main' || target === 'app-worker' ? await appRound(job, round, target) : target === 'bare' ? await bareRound(job, round)
          : target === 'peer' ? await peerRound(job, round, cluster!) : await nestRound(job, round, target);
        rounds.set(target, [...(rounds.get(target) ?? []), r]);
        const latency = r.latencyMs ? `, p99 ${r.latencyMs.p99.toFixed(1)} ms` : '';
        const db = r.databaseCpuMsPerCommand === undefined ? '' : ` + PostgreSQL ${r.databaseCpuMsPerCommand.toFixed(3)}`;
        const kept = r.acknowledgedEvents === undefined ? '' : `, events acknowledged/stored ${r.acknowledgedEvents}/${r.storedEvents}`;
        process.stderr.write(`  http commands ${target} c=${job.concurrency} round ${round + 1}: ${r.perSecond.toFixed(0)}/s${latency}, server CPU ${r.serverCpuMsPerCommand.toFixed(3)}${db} ms/command${r.mainThreadCpuMsPerCommand === undefined ? '' : `, main thread ${r.mainThreadCpuMsPerCommand.toFixed(3)} ms`} (${r.failed} failed${kept}, load ${r.load.toFixed(2)})\n`);
      }
    }
  } finally {
    cluster?.stop();
  }
  return wanted.map((target) => {
    const rs = rounds.get(target) ?? [];
    const figures: HttpCommandsFigures = { target, concurrency: job.concurrency, perSecond: median(rs.map((r) => r.perSecond)), rounds: rs };
    if (target !== 'peer') return figures;
    return peerSkipped ? { ...figures, skipped: peerSkipped }
      : { ...figures, peer: { postgres: cluster!.version, settings: { ...PG_SETTINGS }, poolSize: PEER_POOL_SIZE } };
  });
}
