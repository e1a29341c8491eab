import Database from 'better-sqlite3';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

/** What the figures were measured on: hardware, system, runtime and the versions of everything compared. */
export interface MachineFacts {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly disk: string;
  readonly node: string;
  readonly packages: readonly { name: string; version: string; note?: string }[];
  readonly commit: string;
}

const root = join(__dirname, '..', '..');

function versionOf(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

function run(command: string): string {
  try {
    return execSync(command, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}

export function machineFacts(dataDir: string): MachineFacts {
  const db = new Database(':memory:');
  const sqlite = db.prepare('SELECT sqlite_version()').pluck().get() as string;
  db.close();
  const emmettSqlite = run(`node -p "require('sqlite3').VERSION"`);
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    disk: run(`df -T "${dataDir}" | tail -1 | awk '{print $2" ("$1")"}'`),
    node: process.version,
    packages: [
      { name: 'better-sqlite3', version: versionOf('better-sqlite3'), note: `SQLite ${sqlite} (the product and the limit)` },
      { name: '@event-driven-io/emmett', version: versionOf('@event-driven-io/emmett') },
      { name: '@event-driven-io/emmett-sqlite', version: versionOf('@event-driven-io/emmett-sqlite') },
      { name: 'sqlite3', version: versionOf('sqlite3'), note: `SQLite ${emmettSqlite} (Emmett's driver)` },
      { name: '@nestjs/core', version: versionOf('@nestjs/core') },
      { name: 'typescript (run through ts-node + SWC, transpile only)', version: versionOf('typescript') },
    ],
    commit: run('git rev-parse --short HEAD') + (run('git status --porcelain -- apps libs') ? ' (with uncommitted changes in apps/ or libs/)' : ''),
  };
}

export function loadAverage(): [number, number, number] {
  const [a, b, c] = os.loadavg();
  return [a, b, c];
}
