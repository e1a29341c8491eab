import Database from 'better-sqlite3';
import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exited } from './lib/child';
import { loadAverage } from './lib/machine';

/**
 * `npm run bench:writes`: read-model bytes written per event and the peak memory of a rebuild, for
 * this tree and a baseline commit (BENCH_BASELINE, default 0cd56be) side by side. Each figure is
 * taken in a fresh process running this file against that tree's libraries:
 * - **live**: a new store holding the cached data set's first BENCH_WRITES_EVENTS events (default
 *   100,000), followed by the runner from an empty projections.db in batches of 10 (the live path:
 *   documents, change log, versions); projections.db growth ÷ events.
 * - **rebuild**: every projection rebuilt over the whole cached store (1,000,000 events) into an
 *   empty projections.db; its size ÷ events, and the process's peak RSS (`resourceUsage().maxRSS`).
 * Bytes and RSS do not depend on the machine's load; rates do (the load average is reported).
 * Printed as Markdown (and kept in .tmp/writes/writes-last.md); BENCH_WRITES_ONLY=live or =rebuild runs one
 * of them; BENCH_WRITES_AFTER_ONLY=1 measures this tree alone. The data set is BENCH_CACHE's (as `npm run bench` made it).
 * For a quicker comparison of rebuild rates: BENCH_WRITES_REBUILD_EVENTS=N rebuilds over a copy of the
 * first N events, BENCH_WRITES_PROJECTIONS=audit,... rebuilds only those, BENCH_BASELINE may list
 * several commits (a,b), BENCH_WRITES_ROUNDS=N runs the trees in turn N times (alternating, so a
 * change in the machine's load falls on all of them), BENCH_WRITES_CPU_PROF=dir profiles each child,
 * BENCH_WRITES_THIS_TREE=0 measures the listed commits alone (this tree may be edited meanwhile).
 */

interface LiveFigures {
  readonly events: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly tables: Record<string, number>;
  readonly averageDocument: Record<string, { documents: number; bytes: number }>;
}
interface RebuildFigures {
  readonly events: number;
  readonly bytes: number;
  readonly maxRssMiB: number;
  /** maxRSS after each projection's rebuild (it only grows: the first to reach the peak made it). */
  readonly projections: { name: string; events: number; seconds: number; maxRssMiB?: number }[];
}

const env = process.env;

/** In the child: `@deals/*` resolve to the tree the child was started in (its tsconfig paths). */
async function job(): Promise<unknown> {
  const { SqliteEventStore } = await import('@deals/event-store');
  const { ProjectionDatabase, ProjectionRunner, PROJECTIONS } = await import('@deals/projections');
  const spec = JSON.parse(env.WRITES_JOB!) as { kind: 'live' | 'rebuild'; eventsDb: string; dir: string; events: number; only?: string[] };
  rmSync(spec.dir, { recursive: true, force: true });
  mkdirSync(spec.dir, { recursive: true });
  const projectionsDb = join(spec.dir, 'projections.db');
  const size = () => ['', '-wal'].reduce((n, s) => n + (existsSync(projectionsDb + s) ? statSync(projectionsDb + s).size : 0), 0);
  if (spec.kind === 'rebuild') {
    const store = new SqliteEventStore({ path: spec.eventsDb });
    const db = new ProjectionDatabase(projectionsDb);
    const runner = new ProjectionRunner(store, db, PROJECTIONS, { batchSize: 500 });
    const projections: RebuildFigures['projections'] = [];
    for (const p of PROJECTIONS.filter((q) => !spec.only || spec.only.includes(q.name))) {
      const t0 = performance.now();
      const r = await runner.rebuild(p.name);
      projections.push({ name: p.name, events: r.events, seconds: (performance.now() - t0) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024 });
      process.stderr.write(`  rebuild ${p.name}: ${r.events} events in ${projections[projections.length - 1].seconds.toFixed(1)} s\n`);
    }
    const maxRssMiB = process.resourceUsage().maxRSS / 1024;
    db.close();
    const events = await store.headPosition();
    await store.close();
    return { events, bytes: size(), maxRssMiB, projections } satisfies RebuildFigures;
  }
  const eventsDb = join(spec.dir, 'events.db');
  await copyFirstEvents(spec.eventsDb, eventsDb, spec.events);
  const store = new SqliteEventStore({ path: eventsDb });
  const db = new ProjectionDatabase(projectionsDb);
  const runner = new ProjectionRunner(store, db, PROJECTIONS, { batchSize: 10 });
  const before = size();
  const t0 = performance.now();
  await runner.start();
  const head = await store.headPosition();
  if (!(await runner.waitForPosition(head, 30 * 60_000))) throw new Error('the runner did not reach the head');
  const seconds = (performance.now() - t0) / 1000;
  await runner.stop();
  db.close();
  await store.close();
  const file = new Database(projectionsDb, { readonly: true });
  const tables = Object.fromEntries((file.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as { name: string; bytes: number }[])
    .map((r) => [r.name, r.bytes]));
  const averageDocument = Object.fromEntries((file.prepare('SELECT name, COUNT(*) AS documents, AVG(length(doc)) AS bytes FROM projection_documents GROUP BY name').all() as { name: string; documents: number; bytes: number }[])
    .map((r) => [r.name, { documents: r.documents, bytes: r.bytes }]));
  file.close();
  return { events: head, bytes: size() - before, seconds, tables, averageDocument } satisfies LiveFigures;
}

/** A store of the data set's first events, copied row by row (same positions, same hash chain). */
async function copyFirstEvents(source: string, target: string, events: number): Promise<void> {
  const { SqliteEventStore } = await import('@deals/event-store');
  await new SqliteEventStore({ path: target }).close();
  const copy = new Database(target);
  copy.prepare('ATTACH DATABASE ? AS source').run(source);
  copy.prepare('INSERT INTO events SELECT * FROM source.events WHERE position <= ? ORDER BY position').run(events);
  copy.exec('DETACH DATABASE source');
  copy.close();
}

// ---------- the parent: both trees, one after the other ----------

const root = resolve(__dirname, '..');
const cacheRoot = resolve(root, env.BENCH_CACHE ?? '.tmp/bench');
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

/** Where this harness's own files go (the baseline's worktree, the stores it writes). */
const workRoot = resolve(root, env.BENCH_WRITES_WORK ?? '.tmp/writes');

function baselineDir(commit: string): string {
  const dir = join(workRoot, `baseline-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'bench', 'register.js'))) {
    rmSync(dir, { recursive: true, force: true });
    git('worktree', 'prune');
    git('worktree', 'add', '--detach', dir, commit);
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

async function inTree<T>(treeDir: string, spec: object): Promise<T> {
  mkdirSync(workRoot, { recursive: true });
  const result = join(workRoot, `writes-${process.pid}-${Date.now()}.json`);
  const childEnv: NodeJS.ProcessEnv = { ...env, WRITES_JOB: JSON.stringify(spec), WRITES_RESULT: result, TS_NODE_PROJECT: join(treeDir, 'tsconfig.json') };
  const profile = env.BENCH_WRITES_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(env.BENCH_WRITES_CPU_PROF)}`] : [];
  const child = fork(__filename, [], { cwd: treeDir, execArgv: [...profile, '-r', join(treeDir, 'bench', 'register.js')], env: childEnv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const code = await exited(child, 60 * 60_000);
  if (code !== 0) throw new Error(`${treeDir}: ${JSON.stringify(spec)} exited with ${code}`);
  const figures = JSON.parse(readFileSync(result, 'utf8')) as T;
  rmSync(result, { force: true });
  return figures;
}

const mib = (n: number) => (n / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: 1 });
const int = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const dataset = JSON.parse(readFileSync(join(cacheRoot, 'dataset-result.json'), 'utf8')) as { result?: { eventsDb: string }; eventsDb?: string };
  const eventsDb = dataset.result?.eventsDb ?? dataset.eventsDb!;
  const baselines = env.BENCH_WRITES_AFTER_ONLY === '1' ? [] : (env.BENCH_BASELINE ?? '0cd56be').split(',').map((ref) => git('rev-parse', '--verify', `${ref.trim()}^{commit}`));
  const trees = [
    ...baselines.map((commit) => ({ name: `before ${commit.slice(0, 7)}`, dir: baselineDir(commit) })),
    { name: `after ${git('rev-parse', '--short=7', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? ' + changes' : ''}`, dir: root },
  ].slice(0, env.BENCH_WRITES_THIS_TREE === '0' ? -1 : undefined);
  const rounds = Number(env.BENCH_WRITES_ROUNDS ?? 1);
  const events = Number(env.BENCH_WRITES_EVENTS ?? 100_000);
  const only = env.BENCH_WRITES_ONLY;
  const rebuildOnly = env.BENCH_WRITES_PROJECTIONS?.split(',').map((n) => n.trim());
  const work = join(workRoot, 'work');
  const rebuildEvents = env.BENCH_WRITES_REBUILD_EVENTS ? Number(env.BENCH_WRITES_REBUILD_EVENTS) : undefined;
  let rebuildDb = eventsDb;
  if (rebuildEvents !== undefined && only !== 'live') {
    rebuildDb = join(workRoot, `store-${rebuildEvents}`, 'events.db');
    if (!existsSync(rebuildDb)) {
      mkdirSync(join(workRoot, `store-${rebuildEvents}`), { recursive: true });
      await copyFirstEvents(eventsDb, rebuildDb, rebuildEvents);
    }
  }
  const lines: string[] = [];
  const out = (line = '') => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  if (only !== 'rebuild') {
    const live: [string, LiveFigures, number][] = [];
    for (const tree of trees) {
      const load = loadAverage()[0];
      process.stderr.write(`[writes] live, ${tree.name} (load ${load.toFixed(2)})\n`);
      live.push([tree.name, await inTree<LiveFigures>(tree.dir, { kind: 'live', eventsDb, dir: join(work, 'live'), events }), load]);
    }
    out(`Live path, the data set's first ${int(events)} events, batches of 10:`);
    out();
    out('| tree | projections.db growth | bytes per event | seconds (load average, 1 min, at the start) |');
    out('| --- | ---: | ---: | --- |');
    for (const [name, f, load] of live) out(`| ${name} | ${mib(f.bytes)} MiB | ${int(f.bytes / f.events)} | ${f.seconds.toFixed(1)} s (${load.toFixed(2)}) |`);
    out();
    out('| tree | table or index: MiB |');
    out('| --- | --- |');
    for (const [name, f] of live) out(`| ${name} | ${Object.entries(f.tables).filter(([, b]) => b >= 2 ** 20).map(([t, b]) => `${t} ${mib(b)}`).join(', ')} |`);
    out();
    out('| tree | documents and their average stored size (bytes; the audit\'s without its items after) |');
    out('| --- | --- |');
    for (const [name, f] of live) out(`| ${name} | ${Object.entries(f.averageDocument).map(([p, d]) => `${p}: ${int(d.documents)} × ${int(d.bytes)}`).join('; ')} |`);
    out();
  }
  if (only !== 'live') {
    const rebuilds: [string, RebuildFigures, number][] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const tree of trees) {
        const load = loadAverage()[0];
        process.stderr.write(`[writes] rebuild, round ${round}, ${tree.name} (load ${load.toFixed(2)})\n`);
        const spec = { kind: 'rebuild', eventsDb: rebuildDb, dir: join(work, 'rebuild'), events: 0, only: rebuildOnly };
        rebuilds.push([rounds > 1 ? `${tree.name}, round ${round}` : tree.name, await inTree<RebuildFigures>(tree.dir, spec), load]);
      }
    }
    out(`Rebuild of ${rebuildOnly ? rebuildOnly.join(', ') : 'every projection'} over ${rebuildEvents === undefined ? 'the cached store' : `the data set's first ${int(rebuildEvents)} events`}, batches of 500, in one process each:`);
    out();
    out('| tree | events in the store | projections.db | bytes per event | peak RSS | seconds per projection (events/s; peak RSS after it) | load average at the start |');
    out('| --- | ---: | ---: | ---: | ---: | --- | ---: |');
    for (const [name, f, load] of rebuilds) {
      const each = f.projections.filter((p) => p.events > 0)
        .map((p) => `${p.name} ${p.seconds.toFixed(1)} s (${int(p.events / p.seconds)}/s${p.maxRssMiB === undefined ? '' : `; ${int(p.maxRssMiB)} MiB`})`).join(', ');
      out(`| ${name} | ${int(f.events)} | ${mib(f.bytes)} MiB | ${int(f.bytes / f.events)} | ${int(f.maxRssMiB)} MiB | ${each} | ${load.toFixed(2)} |`);
    }
    out();
  }
  rmSync(work, { recursive: true, force: true });
  writeFileSync(join(workRoot, 'writes-last.md'), lines.join('\n'));
}

if (env.WRITES_JOB) {
  job().then((figures) => {
    writeFileSync(env.WRITES_RESULT!, JSON.stringify(figures));
    process.exit(0);
  }, (error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
