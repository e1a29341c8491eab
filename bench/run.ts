import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { runSection } from './lib/child';
import { loadAverage, machineFacts } from './lib/machine';
import { newestProfile, ProfileSummary, ProfileWindow, readProfile, summariseProfile } from './lib/profile';
import { requestParts } from './lib/request-parts';
import { renderReport, BenchResults, evaluateTargets, LOW_LIVE_RATE } from './report';
import type { RunnerFigures } from './sections/commands';
import type { HttpCommandsFigures } from './sections/http-commands';
import type { LatencyFigures } from './sections/live';
import type { MemoryFigures } from './sections/memory';
import { projectionsDbOf, RebuildFigures } from './sections/rebuild';
import type { SoakFigures } from './sections/soak';
import type { WhatIfFigures } from './sections/what-if';
import type { Dataset } from './workload/dataset';

/**
 * `npm run bench`: every comparison in one run, each section in its own process, then
 * docs/benchmarks.md written from the measured values. BENCH_QUICK=1 runs small sizes (a smoke
 * run); BENCH_EVENTS, BENCH_OUT, BENCH_CACHE, BENCH_PROFILE=0|1, BENCH_SOAK_RATE (commands/s) and
 * BENCH_SOAK_SECONDS override the defaults. BENCH_SECTIONS=rebuild,memory (any of commands,
 * rebuild, memory, what-if, live, http-peer, soak) runs only those, prints their figures and writes no report.
 */

const env = process.env;
const quick = env.BENCH_QUICK === '1';

function positive(name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${env[name]}`);
  return value;
}

const root = resolve(__dirname, '..');
const config = {
  quick,
  events: Number(env.BENCH_EVENTS ?? (quick ? 5000 : 1_000_000)),
  commands: { rounds: quick ? 1 : 3, warmupMs: quick ? 200 : 1000, measureMs: quick ? 800 : 4000, concurrencies: [1, 64] },
  bareRounds: quick ? 1 : 3,
  live: { ratePerSecond: quick ? 200 : 1000, extraRates: quick ? [] : [LOW_LIVE_RATE], warmupSeconds: quick ? 0.5 : 2, seconds: quick ? 1.5 : 20, capacityRounds: quick ? 1 : 3 },
  memory: { samples: quick ? 3 : 30, replaySamples: quick ? 1 : 3 },
  httpPeer: { rounds: quick ? 1 : 5, warmupMs: quick ? 300 : 1000, measureMs: quick ? 1000 : 5000, concurrencies: [1, 64], targets: ['app', 'bare', 'peer'] },
  soak: { ratePerSecond: positive('BENCH_SOAK_RATE', 100), seconds: positive('BENCH_SOAK_SECONDS', quick ? 10 : 300), windowSeconds: quick ? 2 : 10 },
  out: resolve(root, env.BENCH_OUT ?? 'docs/benchmarks.md'),
  cacheRoot: resolve(root, env.BENCH_CACHE ?? '.tmp/bench'),
  profile: env.BENCH_PROFILE ? env.BENCH_PROFILE === '1' : !quick,
};
const workDir = join(config.cacheRoot, `run-${process.pid}`);
const SECTIONS = ['commands', 'rebuild', 'memory', 'what-if', 'live', 'http-peer', 'soak'];
const only = env.BENCH_SECTIONS?.split(',').map((s) => s.trim()).filter(Boolean);
const unknownSection = only?.find((s) => !SECTIONS.includes(s));
if (unknownSection) throw new Error(`BENCH_SECTIONS: no section ${unknownSection}; the sections are ${SECTIONS.join(', ')}`);
const runs = (name: string) => only === undefined || only.includes(name);

const log = (m: string) => process.stderr.write(`${m}\n`);
const loads: { section: string; before: number[]; after: number[] }[] = [];

async function section<T>(name: string, job: object, options: Parameters<typeof runSection>[2] = {}): Promise<T> {
  const before = loadAverage();
  log(`[bench] ${name} (load average ${before.map((l) => l.toFixed(2)).join(' ')})`);
  const started = performance.now();
  let label = name;
  let result: T;
  try {
    result = await runSection<T>(job, workDir, options);
  } catch (error) {
    // A native driver of a peer (Emmett's sqlite3) can take its process down; the section runs once more, and the report says so.
    const signal = (error as { signal?: string }).signal;
    if (!signal) throw error;
    log(`[bench] ${name} was killed by ${signal}: running it again in a fresh process`);
    label = `${name} (run again: the first run was killed by ${signal})`;
    result = await runSection<T>(job, workDir, options);
  }
  loads.push({ section: label, before, after: loadAverage() });
  log(`[bench] ${name} done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return result;
}

async function profiled(name: string, job: object, options: { exposeGc?: boolean; window?: (result: unknown) => ProfileWindow | undefined } = {}): Promise<ProfileSummary> {
  const dir = join(workDir, `profile-${name}`);
  rmSync(dir, { recursive: true, force: true });
  let sectionWindow: ProfileWindow | undefined;
  const result = await section<unknown>(`profile: ${name}`, job, { cpuProfDir: dir, exposeGc: options.exposeGc, onWindow: (w) => (sectionWindow = w) });
  const file = newestProfile(dir);
  if (!file) throw new Error(`no profile written for ${name}`);
  return summariseProfile(file, 15, options.window?.(result) ?? sectionWindow);
}

/** The peer's packages live apart (bench/peers/emmett-postgresql, its own lock): installed there when missing. */
function ensurePeerInstalled(): void {
  const folder = join(root, 'bench', 'peers', 'emmett-postgresql');
  if (existsSync(join(folder, 'node_modules', '@event-driven-io', 'emmett-postgresql'))) return;
  const command = 'npm ci --prefix bench/peers/emmett-postgresql';
  log(`[bench] the peer's packages are missing; installing them: ${command}`);
  try {
    execSync(command, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    log(`[bench] ${command} failed (${error instanceof Error ? error.message : String(error)}): the peer will be skipped`);
  }
}

/** HTTP commands against the peer, one section per concurrency: the deal engine, the HTTP limit and the peer in interleaved rounds. */
async function httpPeerSections(): Promise<HttpCommandsFigures[]> {
  ensurePeerInstalled();
  const figures: HttpCommandsFigures[] = [];
  for (const concurrency of config.httpPeer.concurrencies) {
    figures.push(...await section<HttpCommandsFigures[]>(`HTTP commands vs Emmett-PostgreSQL, ${concurrency} client(s)`, {
      section: 'http-commands', workDir, rounds: config.httpPeer.rounds, warmupMs: config.httpPeer.warmupMs, measureMs: config.httpPeer.measureMs,
      concurrency, targets: config.httpPeer.targets,
    }));
  }
  return figures;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  mkdirSync(workDir, { recursive: true });
  const machine = machineFacts(config.cacheRoot);

  const commands = runs('commands') ? await section<RunnerFigures[]>('command throughput', { section: 'commands', ...config.commands, dir: join(workDir, 'commands') }) : [];
  // Only the sections reading the generated store need it: a partial run of the others does not build it (nothing reads it then).
  const needsData = ['rebuild', 'memory', 'what-if'].some(runs);
  const dataset = needsData ? await section<Dataset>('data set', { section: 'dataset', cacheRoot: config.cacheRoot, events: config.events }) : (undefined as unknown as Dataset);
  const rebuild = runs('rebuild') ? await section<RebuildFigures>('projection rebuild', {
    section: 'rebuild', eventsDb: dataset.eventsDb, projectionsDb: projectionsDbOf(dataset.dir), bareRounds: config.bareRounds,
  }) : undefined;
  const memory = runs('memory') ? await section<MemoryFigures>('memory and as-of reads', {
    section: 'memory', dir: dataset.dir, eventsDb: dataset.eventsDb, events: dataset.events, rep: dataset.sampleRep, period: dataset.samplePeriod,
    firstMs: dataset.firstMs, lastMs: dataset.lastMs, ...config.memory,
  }, { exposeGc: true }) : undefined;
  const whatIf = runs('what-if') ? await section<WhatIfFigures>('what-if replay', { section: 'what-if', eventsDb: dataset.eventsDb }) : undefined;
  const live = runs('live') ? await section<LatencyFigures[]>('live latency', { section: 'live', workDir, ...config.live, targets: ['echo', 'app'] }) : [];
  const httpPeer = runs('http-peer') ? await httpPeerSections() : [];
  const soak = runs('soak') ? await section<SoakFigures>('soak', { section: 'soak', workDir, ...config.soak }, { timeoutMs: (config.soak.seconds + 600) * 1000 }) : undefined;

  if (only !== undefined || !rebuild || !memory || !soak) {
    // Some sections only: their figures, no report (docs/benchmarks.md comes from a whole run).
    const partial = { config, startedAt: startedAt.toISOString(), sections: only, commands, dataset, rebuild, memory, whatIf, live, httpPeer, soak, loads };
    writeFileSync(join(config.cacheRoot, 'partial-results.json'), JSON.stringify(partial, null, 1));
    process.stdout.write(`${JSON.stringify(partial, null, 1)}\n`);
    rmSync(workDir, { recursive: true, force: true });
    log(`[bench] ran ${only?.join(', ')}; figures in ${join(config.cacheRoot, 'partial-results.json')}, no report written`);
    return;
  }

  const results: BenchResults = { config, machine, startedAt: startedAt.toISOString(), commands, dataset, rebuild, memory, whatIf, live, httpPeer, soak, loads, profiles: [] };
  const targets = evaluateTargets(results);

  if (config.profile) {
    const missed = (id: string) => targets.some((t) => t.id.startsWith(id) && t.met === false);
    for (const c of config.commands.concurrencies) {
      if (missed(`commands-limit-${c}`) || missed(`commands-emmett-${c}`)) {
        results.profiles.push({
          target: `commands-${c}`, title: `command path, product only, concurrency ${c}`,
          summary: await profiled(`commands-${c}`, { section: 'commands', rounds: 1, warmupMs: 500, measureMs: 4000, concurrencies: [c], dir: join(workDir, 'commands-profile'), only: ['product'] }),
        });
      }
    }
    const slowRebuilds = targets.filter((t) => t.id.startsWith('rebuild-') && t.id !== 'rebuild-peak-rss' && t.met === false).map((t) => t.id.slice('rebuild-'.length));
    for (const name of slowRebuilds) {
      results.profiles.push({
        target: `rebuild-${name}`, title: `rebuild of ${name}${quick ? '' : ' (stopped after 30 s)'}`,
        summary: await profiled(`rebuild-${name}`, {
          section: 'rebuild', eventsDb: dataset.eventsDb, projectionsDb: join(workDir, 'profile-projections.db'), bareRounds: 0, only: [name],
          stopAfterSeconds: quick ? undefined : 30,
        }),
      });
    }
    if (missed('http-commands-') || missed('http-peer-')) {
      const dir = join(workDir, 'profile-http-app');
      rmSync(dir, { recursive: true, force: true });
      const concurrency = 64;
      const [app] = await section<HttpCommandsFigures[]>('profile: application server, HTTP commands', {
        section: 'http-commands', workDir, rounds: 1, concurrency, warmupMs: 2000, measureMs: quick ? 2000 : 12000, targets: ['app'], appProfileDir: dir,
      });
      const round = app?.rounds[0];
      const file = newestProfile(dir);
      if (file && round) {
        const profile = readProfile(file);
        results.profiles.push({
          target: 'http-commands', title: `application server, HTTP commands, ${concurrency} clients (closed loop)`,
          summary: summariseProfile(profile, 15, round.window),
          parts: {
            ...requestParts(profile, round.window), perSecond: round.perSecond, concurrency,
            cpuMsPerCommand: round.mainThreadCpuMsPerCommand ?? round.serverCpuMsPerCommand, processCpuMsPerCommand: round.serverCpuMsPerCommand,
          },
        });
      }
    }
    if (missed('live-p99')) {
      const dir = join(workDir, 'profile-live-app');
      rmSync(dir, { recursive: true, force: true });
      const [run] = await section<LatencyFigures[]>('profile: live app server', { section: 'live', workDir, ...config.live, extraRates: [], seconds: 10, targets: ['app'], appProfileDir: dir });
      const file = newestProfile(dir);
      if (file) results.profiles.push({ target: 'live-p99', title: 'application server under the live load', summary: summariseProfile(file, 15, run?.window) });
    }
    if (missed('statement')) {
      results.profiles.push({
        target: 'statement', title: 'the as-known-at statement query, repeated',
        summary: await profiled('statement', { section: 'statement-loop', dir: dataset.dir, rep: dataset.sampleRep, period: dataset.samplePeriod, seconds: 5 }, {
          window: (r) => (r as { window: ProfileWindow }).window,
        }),
      });
    }
  }

  const command = quick ? 'BENCH_QUICK=1 npm run bench' : 'npm run bench';
  mkdirSync(dirname(config.out), { recursive: true });
  writeFileSync(config.out, withKeptSection(renderReport(results, evaluateTargets(results), command, new Date())));
  writeFileSync(join(config.cacheRoot, 'last-results.json'), JSON.stringify(results, null, 1));
  rmSync(workDir, { recursive: true, force: true });
  log(`[bench] wrote ${config.out}`);
}

/** BENCH_REPORT_ONLY=1: writes the report again from the last run's saved results (e.g. after a change to its texts); measures nothing. */
function reportOnly(): void {
  const saved = join(config.cacheRoot, 'last-results.json');
  const results = JSON.parse(readFileSync(saved, 'utf8')) as BenchResults;
  const command = results.config.quick ? 'BENCH_QUICK=1 npm run bench' : 'npm run bench';
  const head = execSync('git rev-parse --short HEAD', { cwd: root, encoding: 'utf8' }).trim();
  const report = renderReport(results, evaluateTargets(results), command, statSync(saved).mtime)
    .replace(/^(Run from .*)$/m, `$1 Written again from that run's saved results at commit ${head} (\`BENCH_REPORT_ONLY=1 npm run bench\`): texts and verdicts may have changed, figures not.`);
  writeFileSync(config.out, withKeptSection(report));
  log(`[bench] wrote ${config.out} from ${saved}`);
}

/**
 * Sections written by hand (figures of `npm run bench:writes`, of the HTTP command path's A/B
 * runs), each from its heading to the next heading of its level: carried over, in their order,
 * after the report when it is written again.
 */
const KEPT_SECTIONS = ['## HTTP command path', '## Read-model writes and rebuild memory'];

function withKeptSection(report: string): string {
  const existing = existsSync(config.out) ? readFileSync(config.out, 'utf8') : '';
  const kept = KEPT_SECTIONS.map((heading) => {
    const at = existing.indexOf(`\n${heading}\n`);
    if (at < 0) return '';
    const next = existing.slice(at + heading.length + 2).search(/^## /m);
    return existing.slice(at + 1, next < 0 ? undefined : at + heading.length + 2 + next).trimEnd();
  }).filter(Boolean);
  return kept.length ? `${report.trimEnd()}\n\n${kept.join('\n\n')}\n` : report;
}

void (env.BENCH_REPORT_ONLY === '1' ? Promise.resolve().then(reportOnly) : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
