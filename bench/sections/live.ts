import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createJwtService, signAccessToken } from '../../apps/deal-api/src/auth/access-token';
import { startServer, stopServer } from '../lib/child';
import { closedLoop } from '../lib/closed-loop';
import { profilerClockUs } from '../lib/profile';
import { percentile } from '../lib/stats';

/**
 * Live latency: an open-loop generator posts commands at a fixed rate (each scheduled on a fixed
 * timeline; latency is measured from the scheduled time, so a stall is not hidden by sending
 * less) and an SSE client receives the resulting change. The application (command → store →
 * projection runner → /live/projections) against the limit: a bare Node server that echoes each
 * posted body to an SSE client. Servers run in their own processes, on loopback.
 */

export interface LatencyFigures {
  readonly target: string;
  readonly ratePerSecond: number;
  readonly seconds: number;
  readonly sent: number;
  readonly achievedPerSecond: number;
  readonly received: number;
  readonly errors: number;
  readonly errorSamples: readonly string[];
  /** Scheduled send → the SSE client has the change. */
  readonly liveMs: { p50: number; p90: number; p99: number; p999: number; max: number };
  /** Scheduled send → HTTP response. */
  readonly responseMs: { p50: number; p99: number };
  /** The measured part on the profiler's clock (the same on every process of the machine). */
  readonly window: { fromUs: number; toUs: number };
  /** The application only: how many commands/s it completes over HTTP with 64 clients in a closed loop. */
  capacity?: HttpCapacity;
}

export interface HttpCapacity {
  readonly concurrency: number;
  readonly perSecond: number;
  readonly failed: number;
  readonly errors: readonly string[];
}

export interface LiveJob {
  readonly workDir: string;
  readonly ratePerSecond: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
  readonly targets: readonly ('echo' | 'app')[];
  /** Further rates to run after `ratePerSecond` (the targets are judged at `ratePerSecond`). */
  readonly extraRates?: readonly number[];
  /** Profile the application server (written to this folder). */
  readonly appProfileDir?: string;
}

const SECRET = 'bench-live-secret-bench-live-secret-0123456789';
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

function post(port: number, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Connects an SSE client; calls `onData` with each message's data and its arrival time. */
function sse(port: number, path: string, headers: Record<string, string>, onData: (data: string, at: number) => void): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`SSE status ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of block.split('\n')) if (line.startsWith('data:')) onData(line.slice(5).trimStart(), at);
        }
      });
      resolve(req);
    });
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
  });
}

interface Target {
  /** Sends command i; resolves with the key its SSE message will carry. */
  send(i: number): Promise<string>;
  /** The key of an SSE message's data. */
  keyOf(data: string): string | undefined;
  readonly ssePath: string;
  readonly sseHeaders: Record<string, string>;
}

function echoTarget(port: number): Target {
  const pad = 'x'.repeat(200);
  return {
    ssePath: '/sse',
    sseHeaders: {},
    send: async (i) => {
      const res = await post(port, '/echo', {}, JSON.stringify({ seq: i, pad }));
      if (res.status >= 300) throw new Error(`echo ${res.status}`);
      return String(i);
    },
    keyOf: (data) => String((JSON.parse(data) as { seq: number }).seq),
  };
}

/** Each lane works one deal at a time through eight commands; with two seconds between a deal's commands they do not overlap. */
function appTarget(port: number, lanes: number): Target & { sendStep(n: number, step: number): Promise<string>; steps: number } {
  const jwt = createJwtService(SECRET);
  // Fifty reps share the load, as in a sales team: each deal is its owner's.
  const reps = Array.from({ length: 50 }, (_, k) => ({ id: `live.rep${k}`, roles: ['rep'] }));
  const tokens = reps.map((rep) => ({ Authorization: `Bearer ${signAccessToken(jwt, rep)}` }));
  const ops = { Authorization: `Bearer ${signAccessToken(jwt, { id: 'olga.ops', roles: ['sales-ops'] })}` };
  const deals = new Map<number, string>();
  const email = (ref: string) => ({ kind: 'email', ref });
  const steps: ((dealId: string, n: number) => [string, object])[] = [
    (dealId, n) => ['/deals', {
      dealId, name: `Live deal ${n}`, account: { name: 'Acme', industry: 'manufacturing' }, currency: 'EUR', expectedAmount: '100000.00',
      lineItems: [{ productCode: 'CORE', amount: '60000.00', quantity: 1 }, { productCode: 'X', amount: '40000.00', quantity: 1 }],
      team: [{ userId: reps[n % reps.length].id, role: 'account-executive' }],
    }],
    (id, n) => [`/deals/${id}/buyer-responses`, { evidence: email(`<reply-${n}@acme.example>`) }],
    (id, n) => [`/deals/${id}/meetings`, { meetingId: `cal-${n}`, scheduledFor: '2027-01-09T10:00:00.000Z', evidence: { kind: 'calendar', ref: `cal-${n}` } }],
    (id) => [`/deals/${id}/stage/advance`, {}],
    (id, n) => [`/deals/${id}/decision-maker`, { contactName: 'Pat Buyer', contactTitle: 'CFO', evidence: { kind: 'meeting', ref: `cal-${n}` } }],
    (id, n) => [`/deals/${id}/budget`, { min: '80000.00', max: '120000.00', evidence: email(`<budget-${n}@acme.example>`) }],
    (id, n) => [`/deals/${id}/decision-timeframe`, { decisionBy: '2027-03-31', evidence: { kind: 'meeting', ref: `cal-${n}` } }],
    (id) => [`/deals/${id}/stage/advance`, {}],
  ];
  return {
    ssePath: '/live/projections?projections=deal-summary',
    sseHeaders: ops,
    send: async (i) => {
      const lane = i % lanes;
      const round = Math.floor(i / lanes);
      return sendStep(lane + lanes * Math.floor(round / steps.length), round % steps.length);
    },
    keyOf: (data) => (JSON.parse(data) as { eventId?: string }).eventId,
    sendStep: (n, step) => sendStep(n, step),
    steps: steps.length,
  };

  async function sendStep(n: number, step: number): Promise<string> {
    if (step === 0) deals.set(n, randomUUID());
    const dealId = deals.get(n)!;
    const [path, body] = steps[step](dealId, n);
    const res = await post(port, path, { ...tokens[n % reps.length], 'Idempotency-Key': `live-${n}-${step}` }, JSON.stringify(body));
    if (res.status !== 201) throw new Error(`${path.replace(dealId, ':id')} ${res.status} ${res.body.slice(0, 200)}`);
    if (step === steps.length - 1) deals.delete(n);
    const events = (JSON.parse(res.body) as { events: { eventId: string }[] }).events;
    return events[events.length - 1].eventId;
  }
}

async function openLoop(target: Target, port: number, job: LiveJob, name: string): Promise<LatencyFigures> {
  // Prime: a few commands one after another before any clock starts (JIT, lazy modules, connections).
  for (let i = 0; i < 64; i++) await target.send(1_000_000_000 + i).catch(() => undefined);
  const arrivals = new Map<string, number>();
  const client = await sse(port, target.ssePath, target.sseHeaders, (data, at) => {
    const key = target.keyOf(data);
    if (key !== undefined && !arrivals.has(key)) arrivals.set(key, at);
  });
  const interval = 1000 / job.ratePerSecond;
  const total = Math.round((job.warmupSeconds + job.seconds) * job.ratePerSecond);
  const firstMeasured = Math.round(job.warmupSeconds * job.ratePerSecond);
  const scheduled: number[] = [];
  const keys: (string | undefined)[] = [];
  const responded: number[] = [];
  const errors = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const t0 = performance.now() + 50;
  const fromUs = profilerClockUs() + Math.round((50 + job.warmupSeconds * 1000) * 1000);
  let next = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && t0 + next * interval <= now) {
        const i = next++;
        scheduled[i] = t0 + i * interval;
        pending.push(target.send(i).then(
          (key) => {
            keys[i] = key;
            responded[i] = performance.now();
          },
          (error: Error) => {
            const message = error.message.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').slice(0, 110);
            errors.set(message, (errors.get(message) ?? 0) + 1);
          },
        ));
      }
      if (next >= total) return done();
      setTimeout(tick, Math.max(0, t0 + next * interval - performance.now()));
    };
    tick();
  });
  const lastSent = performance.now();
  const toUs = profilerClockUs();
  await Promise.all(pending);
  // Give the last changes a moment to arrive.
  const deadline = performance.now() + 5000;
  while (performance.now() < deadline && keys.slice(firstMeasured).some((k) => k !== undefined && !arrivals.has(k))) {
    await new Promise((r) => setTimeout(r, 50));
  }
  client.destroy();
  const live: number[] = [];
  const response: number[] = [];
  let sent = 0;
  let errorCount = 0;
  for (let i = firstMeasured; i < total; i++) {
    sent++;
    const key = keys[i];
    if (key === undefined) {
      errorCount++;
      continue;
    }
    response.push(responded[i] - scheduled[i]);
    const at = arrivals.get(key);
    if (at !== undefined) live.push(at - scheduled[i]);
  }
  const measuredSeconds = (lastSent - (t0 + firstMeasured * interval)) / 1000;
  return {
    target: name, ratePerSecond: job.ratePerSecond, seconds: job.seconds, sent, achievedPerSecond: sent / measuredSeconds,
    received: live.length, errors: errorCount,
    errorSamples: [...errors.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([m, n]) => `${n}× ${m}`),
    liveMs: { p50: percentile(live, 50), p90: percentile(live, 90), p99: percentile(live, 99), p999: percentile(live, 99.9), max: Math.max(...live) },
    responseMs: { p50: percentile(response, 50), p99: percentile(response, 99) },
    window: { fromUs, toUs },
  };
}

export async function runLive(job: LiveJob): Promise<LatencyFigures[]> {
  const results: LatencyFigures[] = [];
  // The rate asked for first, then any lower rates (where the server is not saturated), each target at each rate.
  for (const rate of [job.ratePerSecond, ...(job.extraRates ?? [])]) {
    const run = { ...job, ratePerSecond: rate };
    for (const name of job.targets) {
      if (name === 'echo') {
        const { child, port } = await startServer(join(__dirname, '..', 'servers', 'echo-server.ts'), {});
        try {
          results.push(await openLoop(echoTarget(port), port, run, 'bare Node HTTP → SSE echo'));
        } finally {
          await stopServer(child);
        }
      } else {
        const dataDir = join(job.workDir, `live-app-${process.pid}`);
        rmSync(dataDir, { recursive: true, force: true });
        mkdirSync(dataDir, { recursive: true });
        const { child, port } = await startServer(join(__dirname, '..', 'servers', 'app-server.ts'), {
          cpuProfDir: rate === job.ratePerSecond ? job.appProfileDir : undefined, args: { dataDir, secret: SECRET },
        });
        try {
          const target = appTarget(port, Math.max(8, Math.round(rate * 2)));
          results.push(await openLoop(target, port, run, 'deal engine: HTTP command → /live/projections'));
        } finally {
          await stopServer(child);
          rmSync(dataDir, { recursive: true, force: true });
        }
      }
      const r = results[results.length - 1];
      process.stderr.write(`  live ${name} at ${rate}/s: p50 ${r.liveMs.p50.toFixed(2)} ms, p99 ${r.liveMs.p99.toFixed(2)} ms, ${r.errors} errors\n`);
    }
  }
  const main = results.find((r) => r.target.startsWith('deal engine') && r.ratePerSecond === job.ratePerSecond);
  if (main && !job.appProfileDir) main.capacity = await capacity(job);
  return results;
}

/** What a fresh server can take at all: 64 HTTP clients, each a deal's commands in order, as fast as they are answered. */
async function capacity(job: LiveJob): Promise<HttpCapacity> {
  const dataDir = join(job.workDir, `live-capacity-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const { child, port } = await startServer(join(__dirname, '..', 'servers', 'app-server.ts'), { args: { dataDir, secret: SECRET } });
  try {
    const target = appTarget(port, 8);
    for (let i = 0; i < 64; i++) await target.send(1_000_000_000 + i).catch(() => undefined);
    const loop = await closedLoop(
      { concurrency: 64, warmupMs: 1000, measureMs: Math.min(5000, job.seconds * 1000) },
      (deal, step) => target.sendStep(2_000_000_000 + deal, step).then(() => undefined),
      () => target.steps,
    );
    process.stderr.write(`  live app capacity: ${loop.perSecond.toFixed(0)} commands/s\n`);
    return { concurrency: 64, perSecond: loop.perSecond, failed: loop.failed, errors: loop.errors };
  } finally {
    await stopServer(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
