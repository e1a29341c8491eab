import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { withAppServer, withServerOnAppStore } from '../lib/app-server';
import { startServer, stopServer } from '../lib/child';
import { closedLoop, ClosedLoopResult } from '../lib/closed-loop';
import { post } from '../lib/http-client';
import { loadAverage } from '../lib/machine';
import { median } from '../lib/stats';
import { dealLanes } from '../workload/deal-lanes';
import { stepsOf } from './commands';

/**
 * Commands over HTTP, closed loop at 64 clients: the application (a fresh server and store per
 * round) against the HTTP limit — a bare Node `http` server doing the SQL a command needs
 * (bench/servers/bare-command-server.ts) — in alternate rounds, so the ratio comes from one run.
 * `nest-express` and `nest-fastify`: the API's deal command routes alone, on each of Nest's HTTP
 * adapters (bench/servers/nest-command-server.ts), for what the adapter costs per command.
 */

export type NestTarget = 'nest-express' | 'nest-fastify';

export interface HttpCommandsJob {
  readonly workDir: string;
  readonly rounds: number;
  readonly concurrency: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  readonly targets?: readonly ('app' | 'bare' | NestTarget)[];
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
}

export interface HttpCommandsFigures {
  readonly target: 'app' | 'bare' | NestTarget;
  readonly concurrency: number;
  readonly perSecond: number;
  readonly rounds: readonly HttpCommandsRound[];
}

/** CPU time a process has used so far, in ms (Linux: /proc/<pid>/stat, utime + stime in clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Runs the closed loop against a server process, counting every completed command and the server's CPU time meanwhile. */
async function measured(job: HttpCommandsJob, pid: number, run: (deal: number, step: number) => Promise<void>, stepsOf: (deal: number) => number): Promise<HttpCommandsRound> {
  let completed = 0;
  const cpu0 = cpuMsOf(pid);
  const loop: ClosedLoopResult = await closedLoop(
    { concurrency: job.concurrency, warmupMs: job.warmupMs, measureMs: job.measureMs },
    (deal, step) => run(deal, step).then(() => void completed++),
    stepsOf,
  );
  const cpu = cpuMsOf(pid) - cpu0;
  return { perSecond: loop.perSecond, failed: loop.failed, errors: loop.errors, load: loadAverage()[0], serverCpuMsPerCommand: cpu / Math.max(1, completed) };
}

async function appRound(job: HttpCommandsJob, round: number): Promise<HttpCommandsRound> {
  return withAppServer(join(job.workDir, `http-app-${process.pid}-${round}`), { cpuProfDir: job.appProfileDir }, async ({ child, port }) => {
    const target = dealLanes(port, 8);
    return measured(job, child.pid!, (deal, step) => target.sendStep(deal, step).then(() => undefined), () => target.steps);
  });
}

async function bareRound(job: HttpCommandsJob, round: number): Promise<HttpCommandsRound> {
  const path = join(job.workDir, `http-bare-${process.pid}-${round}.db`);
  const { child, port } = await startServer(join(__dirname, '..', 'servers', 'bare-command-server.ts'), { args: { path } });
  try {
    // A body of the size of a command's (the app's OpenDeal is about 400 bytes).
    const pad = 'x'.repeat(300);
    return await measured(job, child.pid!, async (deal, step) => {
      const res = await post(port, '/commands', { Authorization: 'Bearer x', 'Idempotency-Key': `bare-${deal}-${step}` }, JSON.stringify({ deal, step, pad }));
      if (res.status !== 201) throw new Error(`bare ${res.status} ${res.body.slice(0, 120)}`);
    }, stepsOf);
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

export async function runHttpCommands(job: HttpCommandsJob): Promise<HttpCommandsFigures[]> {
  const targets = job.targets ?? ['app', 'bare'];
  const rounds = new Map<string, HttpCommandsRound[]>();
  for (let round = 0; round < job.rounds; round++) {
    for (const target of targets) {
      const r = target === 'app' ? await appRound(job, round) : target === 'bare' ? await bareRound(job, round) : await nestRound(job, round, target);
      rounds.set(target, [...(rounds.get(target) ?? []), r]);
      process.stderr.write(`  http commands ${target} round ${round + 1}: ${r.perSecond.toFixed(0)}/s, server CPU ${r.serverCpuMsPerCommand.toFixed(3)} ms/command (${r.failed} failed, load ${r.load.toFixed(2)})\n`);
    }
  }
  return targets.map((target) => {
    const rs = rounds.get(target) ?? [];
    return { target, concurrency: job.concurrency, perSecond: median(rs.map((r) => r.perSecond)), rounds: rs };
  });
}
