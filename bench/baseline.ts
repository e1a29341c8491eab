import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exited } from './lib/child';
import { loadAverage } from './lib/machine';
import type { RunnerFigures } from './sections/commands-labels';
import type { RebuildFigures } from './sections/rebuild';
import type { Dataset } from './workload/dataset';

/**
 * `BENCH_BASELINE=<commit> npm run bench:baseline`: the command path and the projection rebuilds
 * of this tree and of an earlier commit, side by side in one run — the same store, the same
 * sizes, each section in its own process, the two trees taking turns (the order swapped every
 * round). The earlier commit is checked out into a worktree under BENCH_CACHE; it runs its own
 * harness code. Written to docs/benchmarks-baseline.md (BENCH_BASELINE_OUT). BENCH_COMMAND_ROUNDS
 * (default 4) rounds of commands, then BENCH_ROUNDS (default 2) of rebuilds. BENCH_REPORT_ONLY=1 writes
 * the report again from the last run's saved figures.
 */

const env = process.env;
const root = resolve(__dirname, '..');
const ref = env.BENCH_BASELINE;
if (!ref) throw new Error('BENCH_BASELINE must name the commit to compare with (e.g. BENCH_BASELINE=795a87b)');
const rounds = Number(env.BENCH_ROUNDS ?? 2);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`BENCH_ROUNDS must be a whole number ≥ 1, not ${env.BENCH_ROUNDS}`);
const commandRounds = Number(env.BENCH_COMMAND_ROUNDS ?? 4);
if (!Number.isInteger(commandRounds) || commandRounds < 1) throw new Error(`BENCH_COMMAND_ROUNDS must be a whole number ≥ 1, not ${env.BENCH_COMMAND_ROUNDS}`);
const cacheRoot = resolve(root, env.BENCH_CACHE ?? '.tmp/bench');
const out = resolve(root, env.BENCH_BASELINE_OUT ?? 'docs/benchmarks-baseline.md');
const events = Number(env.BENCH_EVENTS ?? 1_000_000);
const log = (m: string) => process.stderr.write(`${m}\n`);
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

/** Writes dirty pages out before a sample, so one sample's writes are not flushed during the next. */
function settle(): void {
  execFileSync('sync');
}

interface Tree {
  readonly name: string;
  readonly commit: string;
  readonly dir: string;
}

/** The earlier commit in a worktree of its own, sharing this tree's installed packages. */
function baselineTree(): Tree {
  const commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  const dir = join(cacheRoot, `baseline-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'bench', 'section.ts'))) {
    rmSync(dir, { recursive: true, force: true });
    git('worktree', 'prune');
    git('worktree', 'add', '--detach', dir, commit);
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return { name: `baseline ${commit.slice(0, 7)}`, commit, dir };
}

/** Runs one section with the given tree's own harness (its bench/section.ts and register.js). */
async function runIn<T>(tree: Tree, job: object): Promise<T> {
  const work = join(cacheRoot, 'baseline-work');
  mkdirSync(work, { recursive: true });
  const resultFile = join(work, `result-${process.pid}-${Date.now()}.json`);
  const childEnv: NodeJS.ProcessEnv = { ...env, BENCH_JOB: JSON.stringify(job), BENCH_RESULT: resultFile };
  delete childEnv.TS_NODE_PROJECT;
  const child = fork(join(tree.dir, 'bench', 'section.ts'), [], {
    cwd: tree.dir, execArgv: ['-r', join(tree.dir, 'bench', 'register.js')], env: childEnv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const code = await exited(child, 30 * 60_000);
  if (code !== 0) throw new Error(`${tree.name}: section ${JSON.stringify(job).slice(0, 100)} exited with ${code}`);
  const { result } = JSON.parse(readFileSync(resultFile, 'utf8')) as { result: T };
  rmSync(resultFile, { force: true });
  return result;
}

interface Samples {
  readonly commands: readonly { tree: string; round: number; load: number; commands: readonly RunnerFigures[] }[];
  readonly rebuilds: readonly { tree: string; round: number; load: number; rebuild: RebuildFigures }[];
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;

/**
 * Higher is better. Worse only when the after median is below every before sample: a median
 * inside the before samples' own spread is what two runs of the same code give.
 */
function verdict(before: readonly number[], after: readonly number[]): string {
  const mb = median(after);
  if (mb >= median(before)) return 'not worse';
  return mb >= Math.min(...before) ? 'the same, within the spread of the before samples' : '**worse**';
}

function report(trees: readonly Tree[], samples: Samples, startedAt: Date, endedAt: Date): string {
  const commandRate = (tree: Tree, runner: string, concurrency: number) =>
    samples.commands.filter((s) => s.tree === tree.name).map((s) => s.commands.find((c) => c.runner === runner && c.concurrency === concurrency)?.perSecond ?? NaN);
  const rebuildRate = (tree: Tree, projection: string) =>
    samples.rebuilds.filter((s) => s.tree === tree.name).map((s) => s.rebuild.projections.find((p) => p.projection === projection)?.eventsPerSecond ?? NaN);
  const limitRate = (tree: Tree) => samples.rebuilds.filter((s) => s.tree === tree.name).map((s) => s.rebuild.bare.rowsPerSecond);
  const [before, after] = trees;
  const rows: string[] = [];
  const row = (figure: string, a: number[], b: number[], limitA?: number[], limitB?: number[], judged = true) => {
    const ma = median(a);
    const mb = median(b);
    const ratio = limitA && limitB ? ` | ${pct(ma, median(limitA))} | ${pct(mb, median(limitB))}` : ' | | ';
    rows.push(`| ${figure} | ${a.map(int).join(', ')} | ${b.map(int).join(', ')} | ${int(ma)} | ${int(mb)} | ${(mb / ma).toFixed(2)}×${ratio} | ${judged ? verdict(a, b) : 'the machine'} |`);
  };
  for (const c of [1, 64]) {
    row(`commands/s, concurrency ${c}`, commandRate(before, 'product', c), commandRate(after, 'product', c), commandRate(before, 'bare', c), commandRate(after, 'bare', c));
  }
  for (const p of ['deal-summary', 'audit', 'commission-facts']) row(`rebuild ${p}, events/s`, rebuildRate(before, p), rebuildRate(after, p), limitRate(before), limitRate(after));
  row('limit: bare better-sqlite3 commands/s, concurrency 64', commandRate(before, 'bare', 64), commandRate(after, 'bare', 64), undefined, undefined, false);
  row('limit: read + parse, events/s', limitRate(before), limitRate(after), undefined, undefined, false);
  return [
    '# Benchmarks: before and after, side by side',
    '',
    `Written by \`BENCH_BASELINE=${ref} npm run bench:baseline\` (bench/baseline.ts); do not edit by hand — run it again.`,
    `Run from ${startedAt.toISOString()} to ${endedAt.toISOString()}: ${before.name} (${before.commit}) against ${after.name} (${after.commit}); ${commandRounds} round(s) of commands, then ${rounds} of rebuilds, the two trees taking turns (order swapped every round), each section in its own process running its own tree's harness, dirty pages written out (\`sync\`) before each.`,
    '',
    '- **commands/s**: the command path on the embedded store (the `product` runner of bench/sections/commands.ts, 4 s after a 1 s warm-up per sample), beside the bare better-sqlite3 loop (the limit) in the same process.',
    `- **rebuild**: \`ProjectionRebuild\` of each projection over the same store of ${int(events)} events (the full benchmark's cached data set), beside read + parse of the same rows (the limit).`,
    '',
    'Verdict: **worse** when the after median is below every before sample; "the same, within the spread" when it is below the before median but not below the lowest before sample (two runs of the same code differ that much); "not worse" otherwise.',
    '',
    `| figure | ${before.name} (per round) | ${after.name} (per round) | ${before.name} median | ${after.name} median | after ÷ before | before ÷ limit | after ÷ limit | |`,
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    'Load average (1 min) before each sample: ' + [...samples.commands.map((s) => ({ ...s, what: 'commands' })), ...samples.rebuilds.map((s) => ({ ...s, what: 'rebuild' }))]
      .map((s) => `${s.what} ${s.tree} round ${s.round}: ${s.load.toFixed(2)}`).join('; ') + '.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const baseline = baselineTree();
  const current: Tree = { name: `this tree ${git('rev-parse', '--short=7', 'HEAD')}`, commit: git('rev-parse', 'HEAD'), dir: root };
  const trees = [baseline, current];
  log(`[baseline] ${baseline.name} in ${baseline.dir} against ${current.name}`);
  const dataset = await runIn<Dataset>(current, { section: 'dataset', cacheRoot, events });
  // Commands first, every round, then the rebuilds: a command section never follows a rebuild's
  // gigabytes of writes, and each figure's trees take turns (the order swapped every round).
  const commandSamples = await takeTurns(trees, commandRounds, 'commands', async (tree, dir) => {
    const commands = await runIn<RunnerFigures[]>(tree, {
      section: 'commands', rounds: 1, warmupMs: 1000, measureMs: 4000, concurrencies: [1, 64], dir: join(dir, 'commands'), only: ['product', 'bare'],
    });
    for (const c of commands) log(`  ${tree.name} ${c.runner}@${c.concurrency}: ${int(c.perSecond)}/s`);
    return { commands };
  });
  const rebuildSamples = await takeTurns(trees, rounds, 'rebuild', async (tree, dir) => {
    mkdirSync(dir, { recursive: true });
    const rebuild = await runIn<RebuildFigures>(tree, { section: 'rebuild', eventsDb: dataset.eventsDb, projectionsDb: join(dir, 'projections.db'), bareRounds: 1 });
    for (const p of rebuild.projections) log(`  ${tree.name} rebuild ${p.projection}: ${int(p.eventsPerSecond)} events/s`);
    return { rebuild };
  });
  const samples = { commands: commandSamples, rebuilds: rebuildSamples };
  const saved: SavedRun = { trees, samples, startedAt: startedAt.toISOString(), endedAt: new Date().toISOString() };
  writeFileSync(join(cacheRoot, 'baseline-last.json'), JSON.stringify(saved));
  write(saved);
}

/**
 * Rounds of one section, the trees taking turns (the order swapped every round), each after dirty
 * pages are written out and in a fresh work directory, with the load average when it began.
 */
async function takeTurns<T extends object>(
  trees: readonly Tree[], roundCount: number, label: string, measure: (tree: Tree, dir: string) => Promise<T>,
): Promise<(T & { tree: string; round: number; load: number })[]> {
  const samples: (T & { tree: string; round: number; load: number })[] = [];
  for (let round = 1; round <= roundCount; round++) {
    for (const tree of round % 2 ? trees : [...trees].reverse()) {
      settle();
      const load = loadAverage()[0];
      const dir = join(cacheRoot, 'baseline-work', tree.commit.slice(0, 12));
      rmSync(dir, { recursive: true, force: true });
      log(`[baseline] ${label} round ${round}: ${tree.name} (load ${load.toFixed(2)})`);
      const figures = await measure(tree, dir);
      rmSync(dir, { recursive: true, force: true });
      samples.push({ ...figures, tree: tree.name, round, load });
    }
  }
  return samples;
}

interface SavedRun {
  readonly trees: readonly Tree[];
  readonly samples: Samples;
  readonly startedAt: string;
  readonly endedAt: string;
}

function write(run: SavedRun): void {
  const text = report(run.trees, run.samples, new Date(run.startedAt), new Date(run.endedAt));
  writeFileSync(out, text);
  process.stdout.write(text);
}

/** BENCH_REPORT_ONLY=1: the report written again from the last run's saved figures, nothing measured. */
function reportOnly(): void {
  write(JSON.parse(readFileSync(join(cacheRoot, 'baseline-last.json'), 'utf8')) as SavedRun);
}

(env.BENCH_REPORT_ONLY === '1' ? Promise.resolve().then(reportOnly) : main()).catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
