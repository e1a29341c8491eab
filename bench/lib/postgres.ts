import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away PostgreSQL cluster for the peer comparison: Debian's binaries, a fresh data folder in
 * a temporary directory, loopback only, durable (fsync=on, synchronous_commit=on), stopped and
 * removed at the end, on failure and on SIGINT/SIGTERM. PostgreSQL refuses to run as root, so as
 * root initdb and pg_ctl run as the `postgres` user.
 */

/** Where Debian's `postgresql-15` puts its binaries (BENCH_PG_BIN overrides). */
export const PG_BIN = process.env.BENCH_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const INSTALL_HINT = 'install it with `apt-get install postgresql` (Debian), or point BENCH_PG_BIN at its bin folder';

/** Why the peer cannot run here, or undefined when it can. */
export function postgresMissing(): string | undefined {
  const missing = ['initdb', 'pg_ctl', 'postgres', 'psql'].filter((b) => !existsSync(join(PG_BIN, b)));
  if (missing.length) return `PostgreSQL binaries not found in ${PG_BIN} (${missing.join(', ')}): ${INSTALL_HINT}`;
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'pipe' });
    } catch {
      return `running as root and there is no \`postgres\` user to run PostgreSQL as: ${INSTALL_HINT}`;
    }
  }
  return undefined;
}

export interface PostgresCluster {
  readonly port: number;
  /** The settings it was started with, as stated in the report. */
  readonly settings: Readonly<Record<string, string>>;
  readonly version: string;
  /** A connection string over TCP on 127.0.0.1 (trust authentication, loopback only). */
  url(database: string): string;
  /** Runs SQL through psql on the cluster's unix socket; returns psql's unaligned output. */
  sql(database: string, statement: string): string;
  /**
   * CPU time (user + system, ms) PostgreSQL has used so far: the postmaster, its children now
   * running, and those that have exited (reaped by the postmaster). Linux only.
   */
  cpuMs(): number;
  createDatabase(name: string): void;
  dropDatabase(name: string): void;
  /** Stops the server and removes its folder (idempotent). */
  stop(): void;
}

/** Fields of /proc/<pid>/stat after the command name: [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime (ticks of 10 ms). */
function statOf(pid: string): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return undefined;
  }
}

function clusterCpuMs(data: string): number {
  const postmaster = readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0].trim();
  const own = statOf(postmaster);
  if (!own) return NaN;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const f = statOf(pid);
    if (f?.[1] === postmaster) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * 10;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

/** A PostgreSQL binary, as the `postgres` user when we are root. */
function pgRun(binary: string, args: string[], log?: (m: string) => void): string {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, binary), ...args]] : [join(PG_BIN, binary), args];
  log?.(`  $ ${cmd} ${argv.join(' ')}`);
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export const PG_SETTINGS: Readonly<Record<string, string>> = {
  fsync: 'on',
  synchronous_commit: 'on',
  full_page_writes: 'on',
  max_connections: '100',
};

/** Starts a fresh cluster; `log` receives each command it runs. */
export async function startPostgres(log: (m: string) => void = () => undefined): Promise<PostgresCluster> {
  const reason = postgresMissing();
  if (reason) throw new Error(reason);
  const dir = mkdtempSync(join(tmpdir(), 'bench-pg-'));
  const data = join(dir, 'data');
  const socketDir = join(dir, 'socket');
  mkdirSync(socketDir);
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    for (const p of [dir, socketDir]) chownSync(p, uid, gid);
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    try {
      if (existsSync(join(data, 'postmaster.pid'))) pgRun('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w', '-t', '60']);
    } catch {
      try {
        pgRun('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
      } catch {
        // Nothing more to do: the folder goes anyway.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    process.kill(process.pid, signal);
  };
  process.on('exit', stop);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    pgRun('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'], log);
    const port = await freePort();
    const settings = { ...PG_SETTINGS, listen_addresses: '127.0.0.1', port: String(port), unix_socket_directories: socketDir };
    const options = Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`).join(' ');
    pgRun('pg_ctl', ['start', '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options], log);
    const sql = (database: string, statement: string) =>
      execFileSync(join(PG_BIN, 'psql'), ['-h', socketDir, '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-Atqc', statement], {
        encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
      }).trim();
    const version = sql('postgres', 'SHOW server_version');
    return {
      port,
      settings,
      version,
      url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
      sql,
      cpuMs: () => clusterCpuMs(data),
      createDatabase: (name) => void sql('postgres', `CREATE DATABASE "${name}"`),
      dropDatabase: (name) => void sql('postgres', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}
