import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signAccessToken, tokenSigner } from '@deals/access-tokens';
import { APP_SECRET, APP_USERS, withServerOnAppStore } from './lib/app-server';
import { post } from './lib/http-client';
import { peerMissing } from './sections/http-commands';

/** Runs the whole harness in quick mode on tiny sizes: every section must make it into the report (speed is not checked here). */
describe('npm run bench (quick)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a report with every section', async () => {
    const out = join(dir, 'benchmarks.md');
    await new Promise<void>((resolve, reject) => {
      execFile(process.execPath, ['-r', './bench/register.js', 'bench/run.ts'], {
        cwd: join(__dirname, '..'),
        env: { ...process.env, BENCH_QUICK: '1', BENCH_PROFILE: '0', BENCH_EVENTS: '3000', BENCH_OUT: out, BENCH_CACHE: join(dir, 'cache'), BENCH_SOAK_SECONDS: '6' },
        maxBuffer: 16 * 1024 * 1024,
      }, (error, _stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve()));
    });
    const report = readFileSync(out, 'utf8');
    for (const heading of [
      '## Machine', '## Targets', '## 1. Command throughput (durable)', '## 2. Projection rebuild', '## 3. Live latency',
      '## 4. Memory and reads as of a past moment', '## 5. Soak', '## 6. What-if replay', '## Reproduce',
    ]) {
      expect(report).toContain(heading);
    }
    for (const runner of ['deal engine: command path', 'Emmett-SQLite, getSQLiteEventStore', 'Emmett-SQLite, one long-lived connection', 'limit: bare better-sqlite3']) {
      expect(report).toContain(runner);
    }
    expect(report).toContain('BENCH_QUICK=1 npm run bench');
    expect(report).toMatch(/\| deal-summary \| [\d,]+ \|/);
    expect(report).toMatch(/bare Node HTTP → SSE echo/);
    // Commands over HTTP beside the HTTP limit of the same run, and their ratio.
    expect(report).toMatch(/\| HTTP commands\/s, 64 clients, vs the HTTP limit \| [\d,]+\/s \| [\d,]+\/s \(bare Node http \+ the SQL\) \| \d+% \|/);
    expect(report).toMatch(/\| HTTP limit: bare Node http \+ the SQL \| [1-9][\d,]* \|/);
    // Commands over HTTP against Emmett on PostgreSQL at 1 and 64 clients, or why they were not measured.
    expect(report).toContain('### HTTP commands against Emmett-PostgreSQL behind Express');
    if (peerMissing()) {
      expect(report).toContain(`Not measured: ${peerMissing()}`);
    } else {
      for (const c of ['1 client', '64 clients']) {
        expect(report).toMatch(new RegExp(`\\| HTTP commands/s, ${c}, vs Emmett-PostgreSQL behind Express \\| [\\d,]+/s, p99 [\\d.,]+ ms \\| [\\d,]+/s, p99 [\\d.,]+ ms \\(Emmett-PostgreSQL behind Express\\) \\| [\\d.]+× \\(rounds [\\d.]+–[\\d.]+×\\) \\|`));
      }
      expect(report).toMatch(/\| 64 \| \*\*[\d.]+×\*\* \| [\d.]+× \| [\d.,]+ \/ [\d.,]+ ms \| 0 \/ 0 \| \d+ \/ \d+ \|/);
    }
    // The soak: a row a window with measured latency and memory, and a verdict from them.
    expect(report).toMatch(/\| 0–2 s \| \d+ \| \d+ \| \d+ \| \d+ \| [\d.,]+ ms \| [\d.,]+ ms \| [\d.]+ MiB \| [\d.]+ MiB \|/);
    expect(report).toMatch(/Verdict: \*\*(flat|not flat)\*\*: heap after collection (grew|fell) [\d.]+ MiB\/min/);
    expect(report).toContain('BENCH_SOAK_SECONDS');
    // The what-if over the whole store beside a plain deal-summary rebuild of the same run, and their ratio.
    expect(report).toMatch(/\| what-if, two definitions \| [\d,]+ \| [1-9][\d,]* \| [\d.]+ \| [\d,]+ MiB \|/);
    expect(report).toMatch(/\| deal-summary rebuild in memory \| [\d,]+ \| [1-9][\d,]* \| [\d.]+ \| [\d,]+ MiB \|/);
    expect(report).toMatch(/What-if \/ rebuild: [\d.]+× the time, over a store of [\d,]+ events\./);
    // Reads as of a past moment over HTTP, beside the replay they replace, with the same answer.
    expect(report).toMatch(/\| as-of statement \(`\?asOf=` [^|]+\), HTTP p95 \| [\d.,]+ ms \| [\d.,]+ ms \(replay of the store, p50\) \|/);
    expect(report).toMatch(/\| as-of `\/pipeline` \(`\?asOf=` \d+ quarter closes in turn\), HTTP p95 \| [\d.,]+ ms \|/);
    expect(report).toContain('Same answer (result and position) over HTTP as by the replay: statement yes, pipeline yes.');
    expect(report).toMatch(/\| deal-summary \| [\d,]+ \| [\d,]+ \| [\d.]+ \([\d.]+ \+ [\d.]+\) \| [\d,]+ \| \d+% \| [\d,]+ \| [\d.]+ \+ [\d.]+ s \| [\d,]+ MiB \|/);
  }, 420_000);
});

/** The API's command routes on Nest's Express and Fastify adapters (bench/servers/nest-command-server.ts) answer alike. */
describe('nest command server, Express and Fastify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-nest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const token = { Authorization: `Bearer ${signAccessToken(tokenSigner(APP_SECRET), APP_USERS.reps[0])}` };
  const open = JSON.stringify({
    dealId: '11111111-2222-4333-8444-555555555555', name: 'Smoke', account: { name: 'Acme', industry: 'manufacturing' }, currency: 'EUR',
    expectedAmount: '100.00', lineItems: [{ productCode: 'CORE', amount: '100.00', quantity: 1 }],
  });

  /** A command, an invalid body and a request without a token, each answered by a fresh server on a fresh store. */
  async function answersOf(adapter: 'express' | 'fastify') {
    const script = join(__dirname, 'servers', 'nest-command-server.ts');
    return withServerOnAppStore(script, { adapter }, join(dir, adapter), {}, async ({ port }) => {
      const opened = await post(port, '/deals', { ...token, 'Idempotency-Key': 'smoke-open-1' }, open);
      const invalid = await post(port, '/deals', token, JSON.stringify({ name: 7 }));
      const anonymous = await post(port, '/deals', {}, open);
      // Not the ETag of an error: Express adds a weak one of the body there, Fastify none (docs/benchmarks.md, "HTTP command path").
      const revision = { etag: opened.headers.etag, position: opened.headers['x-global-position'] };
      return [opened, invalid, anonymous].map((r, k) => ({
        status: r.status, type: r.headers['content-type'], body: JSON.parse(r.body) as unknown, ...(k === 0 ? revision : {}),
      }));
    });
  }

  it('gives the same status, body and headers to a command, an invalid body and a missing token', async () => {
    const express = await answersOf('express');
    const fastify = await answersOf('fastify');
    expect(express.map((a) => a.status)).toEqual([201, 400, 401]);
    expect(express[0]).toMatchObject({ type: 'application/json; charset=utf-8', etag: '"0"', position: String((express[0].body as { position: number }).position) });
    expect(express[0].body).toMatchObject({ dealId: '11111111-2222-4333-8444-555555555555', revision: 0, events: [{ type: 'DealOpened' }] });
    expect(express[1].body).toMatchObject({ error: 'VALIDATION.FAILED' });
    expect(express[2].body).toMatchObject({ error: 'AUTH.TOKEN_REQUIRED' });
    expect(fastify).toEqual(express);
  }, 120_000);
});
