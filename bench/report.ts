import { profileMarkdown } from './lib/profile';
import { fmt } from './lib/stats';
import { RUNNER_LABELS, type RunnerFigures } from './sections/commands-labels';
import { causeOf } from './analysis';
import { peerSection, peerTargets } from './report-peer';
import { soakSection } from './report-soak';
import type { BenchResults } from './results';
import type { WhatIfFigures } from './sections/what-if';

export type { BenchResults };

/** The markdown of docs/benchmarks.md, from measured values only. */


export interface TargetResult {
  readonly id: string;
  readonly figure: string;
  readonly measured: string;
  readonly reference: string;
  readonly ratio: string;
  readonly target: string;
  /** undefined: shown for completeness, not a target. */
  readonly met: boolean | undefined;
}

/** The lower live rate judged on its own (≤ 3× the echo's p99). */
export const LOW_LIVE_RATE = 200;
export const READ_MODEL_BYTES_TARGET = 2048;
/** HTTP commands/s at 64 clients before the HTTP path was worked on: the top of 840–1,090/s (not measured in the same run). */
const HTTP_BEFORE_PER_SECOND = 1090;

const perSecond = (r: RunnerFigures | undefined) => r?.perSecond ?? NaN;
const sum = (values: readonly number[]) => values.reduce((x, y) => x + y, 0);
const ratioText = (x: number, digits = 2) => (Number.isFinite(x) ? `${fmt(x, digits)}×` : 'n/a');
const pct = (x: number) => (Number.isFinite(x) ? `${fmt(x * 100, 0)}%` : 'n/a');
const pct1 = (x: number) => (Number.isFinite(x) ? `${fmt(x * 100, 1)}%` : 'n/a');

export function commandFigure(results: BenchResults, runner: string, concurrency: number): RunnerFigures | undefined {
  return results.commands.find((r) => r.runner === runner && r.concurrency === concurrency);
}

/** The Emmett set-up that completed the most commands at this concurrency. */
export function bestEmmett(results: BenchResults, concurrency: number): RunnerFigures | undefined {
  return results.commands
    .filter((r) => r.runner.startsWith('emmett') && r.concurrency === concurrency)
    .sort((a, b) => b.perSecond - a.perSecond)[0];
}

export function evaluateTargets(results: BenchResults): TargetResult[] {
  const out: TargetResult[] = [];
  for (const c of results.config.commands.concurrencies) {
    const product = perSecond(commandFigure(results, 'product', c));
    const emmett = bestEmmett(results, c);
    const bare = perSecond(commandFigure(results, 'bare', c));
    const vsEmmett = product / perSecond(emmett);
    out.push({
      id: `commands-emmett-${c}`, figure: `commands/s, concurrency ${c}, vs Emmett-SQLite`,
      measured: `${fmt(product)}/s`, reference: `${fmt(perSecond(emmett))}/s (${emmett ? RUNNER_LABELS[emmett.runner] : 'n/a'})`,
      ratio: perSecond(emmett) > 0 ? ratioText(vsEmmett, 1) : '∞ (Emmett completed none)', target: '≥ 10×',
      met: perSecond(emmett) > 0 ? vsEmmett >= 10 : product > 0,
    });
    out.push({
      id: `commands-limit-${c}`, figure: `commands/s, concurrency ${c}, vs the limit`,
      measured: `${fmt(product)}/s`, reference: `${fmt(bare)}/s (bare better-sqlite3)`, ratio: pct(product / bare), target: '≥ 50%',
      met: product / bare >= 0.5,
    });
  }
  const bareRate = results.rebuild.bare.rowsPerSecond;
  for (const p of results.rebuild.projections) {
    // A projection none of the data set's events feed (account teams) has no rate to judge.
    if (p.events === 0) continue;
    out.push({
      id: `rebuild-${p.projection}`, figure: `rebuild ${p.projection}, events/s`, measured: `${fmt(p.eventsPerSecond)}/s`,
      reference: `${fmt(bareRate)}/s (read + parse)`, ratio: pct(p.eventsPerSecond / bareRate), target: '≥ 40%', met: p.eventsPerSecond / bareRate >= 0.4,
    });
  }
  const peak = results.rebuild.maxRssMiB;
  if (peak !== undefined) {
    out.push({
      id: 'rebuild-peak-rss', figure: `peak RSS of the rebuilds of the ${fmt(results.rebuild.storeEvents ?? NaN)}-event store`, measured: `${fmt(peak)} MiB`,
      reference: '512 MiB', ratio: pct(peak / 512), target: '≤ 512 MiB', met: peak <= 512,
    });
  }
  const atRate = results.live.filter((l) => l.ratePerSecond === results.config.live.ratePerSecond);
  const app = atRate.find((l) => l.target.startsWith('deal engine'));
  const echo = atRate.find((l) => !l.target.startsWith('deal engine'));
  if (app && echo) {
    out.push({
      id: 'live-p99', figure: `live latency p99 at ${fmt(results.config.live.ratePerSecond)} commands/s`, measured: `${fmt(app.liveMs.p99, 1)} ms`,
      reference: `${fmt(echo.liveMs.p99, 1)} ms (bare echo)`, ratio: ratioText(app.liveMs.p99 / echo.liveMs.p99, 2), target: '≤ 10×',
      met: app.liveMs.p99 <= 10 * echo.liveMs.p99 && app.errors === 0,
    });
    for (const rate of results.config.live.extraRates.filter((x) => x === LOW_LIVE_RATE)) {
      const low = results.live.filter((l) => l.ratePerSecond === rate);
      const [lowApp, lowEcho] = [low.find((l) => l.target.startsWith('deal engine')), low.find((l) => !l.target.startsWith('deal engine'))];
      if (!lowApp || !lowEcho) continue;
      out.push({
        id: `live-p99-${rate}`, figure: `live latency p99 at ${fmt(rate)} commands/s`, measured: `${fmt(lowApp.liveMs.p99, 1)} ms`,
        reference: `${fmt(lowEcho.liveMs.p99, 1)} ms (bare echo)`, ratio: ratioText(lowApp.liveMs.p99 / lowEcho.liveMs.p99, 2), target: '≤ 3×',
        met: lowApp.liveMs.p99 <= 3 * lowEcho.liveMs.p99 && lowApp.errors === 0,
      });
    }
    const writes = app.readModelWrites;
    if (writes) {
      out.push({
        id: 'read-model-bytes', figure: `read-model bytes written per event, live path (projections.db ÷ ${fmt(writes.events)} events)`,
        measured: `${fmt(writes.bytesPerEvent)} B`, reference: `${fmt(READ_MODEL_BYTES_TARGET)} B`, ratio: pct(writes.bytesPerEvent / READ_MODEL_BYTES_TARGET),
        target: `≤ ${fmt(READ_MODEL_BYTES_TARGET)} B`, met: writes.bytesPerEvent <= READ_MODEL_BYTES_TARGET,
      });
    }
    const cap = app.capacity;
    if (cap) {
      out.push({
        id: 'http-commands-limit', figure: `HTTP commands/s, ${cap.concurrency} clients, vs the HTTP limit`, measured: `${fmt(cap.perSecond)}/s`,
        reference: `${fmt(cap.limit.perSecond)}/s (bare Node http + the SQL)`, ratio: pct(cap.perSecond / cap.limit.perSecond), target: '≥ 50%',
        met: cap.perSecond / cap.limit.perSecond >= 0.5 && cap.failed === 0,
      });
      out.push({
        id: 'http-commands-before', figure: `HTTP commands/s, ${cap.concurrency} clients, vs before the HTTP work`, measured: `${fmt(cap.perSecond)}/s`,
        reference: `${fmt(HTTP_BEFORE_PER_SECOND)}/s (the best figure before, 840–1,090/s, docs/benchmarks.md at 51423e9: another run)`,
        ratio: ratioText(cap.perSecond / HTTP_BEFORE_PER_SECOND, 2), target: '≥ 3×', met: cap.perSecond >= 3 * HTTP_BEFORE_PER_SECOND && cap.failed === 0,
      });
    }
    out.push({
      id: 'live-p50', figure: 'live latency p50', measured: `${fmt(app.liveMs.p50, 1)} ms`, reference: `${fmt(echo.liveMs.p50, 1)} ms (bare echo)`,
      ratio: ratioText(app.liveMs.p50 / echo.liveMs.p50, 2), target: '—', met: undefined,
    });
  }
  out.push(...peerTargets(results));
  const m = results.memory;
  out.push({
    id: 'memory-rss', figure: `resident memory, ${fmt(m.events)} events, all projections loaded`, measured: `${fmt(m.rssMiB)} MiB`,
    reference: '1,024 MiB', ratio: pct(m.rssMiB / 1024), target: '< 1 GiB', met: m.rssMiB < 1024,
  });
  out.push({
    id: 'statement', figure: `statement as known at its quarter's close (\`asKnownAt\`, ${m.statement.rep}, ${m.statement.period}), HTTP p95`,
    measured: `${fmt(m.statement.httpMs.p95, 1)} ms`, reference: '200 ms', ratio: pct(m.statement.httpMs.p95 / 200), target: '< 200 ms',
    met: m.statement.httpMs.p95 < 200,
  });
  const a = m.asOf;
  out.push({
    id: 'asof-statement', figure: `as-of statement (\`?asOf=\` ${a.statement.moments[0]}, ${a.statement.rep}, ${a.statement.period}), HTTP p95`,
    measured: `${fmt(a.statement.httpMs.p95, 1)} ms`, reference: `${fmt(a.statement.replayMs.p50, 0)} ms (replay of the store, p50)`,
    ratio: pct1(a.statement.httpMs.p95 / a.statement.replayMs.p50), target: '< 200 ms', met: a.statement.httpMs.p95 < 200 && a.statement.sameAnswer,
  });
  out.push({
    id: 'asof-pipeline', figure: `as-of \`/pipeline\` (\`?asOf=\` ${a.pipeline.moments.length} quarter closes in turn), HTTP p95`,
    measured: `${fmt(a.pipeline.httpMs.p95, 1)} ms`, reference: `${fmt(a.pipeline.replayMs.p50, 0)} ms (replay of the store, p50)`,
    ratio: pct1(a.pipeline.httpMs.p95 / a.pipeline.replayMs.p50), target: '< 1,000 ms', met: a.pipeline.httpMs.p95 < 1000 && a.pipeline.sameAnswer,
  });
  return out;
}

const mark = (met: boolean | undefined) => (met === undefined ? '—' : met ? '**met**' : '**missed**');

export function renderReport(r: BenchResults, targets: TargetResult[], command: string, finishedAt: Date): string {
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  const cfg = r.config;
  push(
    '# Benchmarks',
    '',
    `Written by \`${command}\` (bench/run.ts) from the figures it measured; do not edit by hand — run it again.`,
    `Run from ${r.startedAt} to ${finishedAt.toISOString()} at commit ${r.machine.commit}.${cfg.quick ? ' **Quick smoke run: small sizes, the figures are not meaningful.**' : ''}`,
    '',
    '## Machine',
    '',
    '| | |',
    '| --- | --- |',
    `| CPU | ${r.machine.cpu}, ${r.machine.cores} cores |`,
    `| memory | ${r.machine.memoryGiB} GiB |`,
    `| system | ${r.machine.os} |`,
    `| disk (stores, WAL, fsync) | ${r.machine.disk} |`,
    `| Node | ${r.machine.node} |`,
    ...r.machine.packages.map((p) => `| ${p.name} | ${p.version}${p.note ? ` — ${p.note}` : ''} |`),
    '',
    'Load average (1, 5, 15 min) before and after each section — the machine is shared, so read the figures with these:',
    '',
    '| section | before | after |',
    '| --- | --- | --- |',
    ...r.loads.map((l) => `| ${l.section} | ${l.before.map((x) => x.toFixed(2)).join(' ')} | ${l.after.map((x) => x.toFixed(2)).join(' ')} |`),
    '',
    '## Targets',
    '',
    '| figure | measured | reference | ratio | target | |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...targets.map((t) => `| ${t.figure} | ${t.measured} | ${t.reference} | ${t.ratio} | ${t.target} | ${mark(t.met)} |`),
    '',
  );
  const missed = targets.filter((t) => t.met === false);
  push(missed.length === 0 ? 'Every target is met.' : `Missed: ${missed.map((t) => t.figure).join('; ')}. Causes and profiles below.`, '');

  // 1. Commands
  push(
    '## 1. Command throughput (durable)',
    '',
    `Closed loop: N workers, each running one deal's commands in order (OpenDeal, buyer facts, stage advances, … as in the demo data: ${'the same 1,000 deal shapes for every runner'}), then the next deal. ` +
      `Each figure is the median of ${cfg.commands.rounds} round(s) of ${cfg.commands.measureMs / 1000} s after a ${cfg.commands.warmupMs / 1000} s warm-up; runners are interleaved round by round, each on a fresh database file. ` +
      'Every store is durable: WAL with synchronous=FULL (one fsync per commit).',
    '',
    '- **deal engine**: in process, `DealCommandHandler` (the authorised deal decider) → `handleCommand` (the deal folded from its cached state plus the events after it, idempotency check, decide, append with the expected revision) → `SqliteEventStore` (validation, hash chain, group commit: all appends of one event-loop turn in one transaction). No HTTP.',
    '- **Emmett-SQLite, getSQLiteEventStore**: Emmett\'s `CommandHandler` (aggregateStream → decide → appendToStream with the expected stream version) over `getSQLiteEventStore({ fileName })`, running the same authorised decider with the same event metadata. That store opens and closes an SQLite connection for every operation on a file.',
    '- **Emmett-SQLite, one long-lived connection**: the same `CommandHandler` over a store made of Emmett\'s exported `sqliteConnection`, `readStream` and `appendToStream` on one connection kept open (no connection per operation).',
    '- **limit**: a bare better-sqlite3 loop doing only the SQL a command needs — read the stream\'s rows, insert the new rows (pre-serialised) with `UNIQUE (stream_id, revision)` as the revision check — grouped the same way (one transaction per event-loop turn) and synced the same way.',
    '',
    '| runner | concurrency | commands/s (median) | rounds | failed in window | events acknowledged / found in the file | errors seen |',
    '| --- | ---: | ---: | --- | ---: | --- | --- |',
    ...r.commands.map((c) => `| ${RUNNER_LABELS[c.runner] ?? c.runner} | ${c.concurrency} | ${fmt(c.perSecond)} | ${c.rounds.map((x) => fmt(x.perSecond)).join(', ')} | ${c.rounds.reduce((a, x) => a + x.failed, 0)} | ` +
      `${c.rounds.map((x) => `${fmt(x.acknowledgedEvents)} / ${fmt(x.storedEvents)}`).join(', ')} | ${c.rounds.flatMap((x) => x.errors).slice(0, 3).join('; ') || '—'} |`),
    '',
    'An acknowledged event missing from the file is a lost write: the command was answered as done, then rolled back.',
    '',
    '| concurrency | deal engine ÷ best Emmett | deal engine ÷ limit |',
    '| ---: | ---: | ---: |',
    ...cfg.commands.concurrencies.map((c) => {
      const p = perSecond(commandFigure(r, 'product', c));
      const e = perSecond(bestEmmett(r, c));
      return `| ${c} | ${e > 0 ? ratioText(p / e, 1) : '∞'} | ${pct(p / perSecond(commandFigure(r, 'bare', c)))} |`;
    }),
    '',
  );
  const emmettNotes = r.commands.filter((c) => c.runner.startsWith('emmett') && c.concurrency > 1);
  for (const e of emmettNotes) {
    const errs = e.rounds.flatMap((x) => x.errors);
    push(`Emmett (${RUNNER_LABELS[e.runner]}) at concurrency ${e.concurrency}: ${fmt(e.perSecond)} commands/s` +
      (errs.length ? `; errors: ${errs.slice(0, 3).join('; ')}.` : ', no errors.'));
  }
  push('');

  // 2. Rebuild
  const d = r.dataset;
  push(
    '## 2. Projection rebuild',
    '',
    `Store: ${fmt(d.events)} events of ${fmt(d.deals)} generated deal histories (${d.reps} reps, business time ${new Date(d.firstMs).toISOString().slice(0, 10)} → ${new Date(d.lastMs).toISOString().slice(0, 10)}), ` +
      `written through the real deciders (bench/workload/dataset.ts)${d.fromCache ? ', taken from the cache' : `, generated in ${fmt(d.generatedSeconds, 0)} s`}.`,
    `Rebuild = \`ProjectionRunner.rebuild\`: read \`$all\` in pages of ${r.rebuild.batchSize}, fold, write each page's document versions, then index them and write the new read model in one transaction. ` +
      `Limit = page through the same rows (same columns, same page size) and \`JSON.parse\` data and metadata: median of ${r.rebuild.bare.seconds.length} run(s) (${r.rebuild.bare.seconds.map((s) => `${s.toFixed(2)} s`).join(', ')}).`,
    '',
    '| projection | events | documents | seconds (fold + write) | events/s | ÷ limit | versions kept | of the seconds: writing them + indexing them | versions on disk |',
    '| --- | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: |',
    ...r.rebuild.projections.map((p) => `| ${p.projection} | ${fmt(p.events)} | ${fmt(p.documents)} | ${p.seconds.toFixed(1)} (${p.foldSeconds.toFixed(1)} + ${p.writeSeconds.toFixed(1)}) | ${fmt(p.eventsPerSecond)} | ${pct(p.eventsPerSecond / r.rebuild.bare.rowsPerSecond)} | ` +
      `${fmt(p.versions.rows)} | ${p.versions.writeSeconds.toFixed(1)} + ${p.versions.indexSeconds.toFixed(1)} s | ${fmt(p.versions.mib)} MiB |`),
    `| all three, one after the other | ${fmt(r.rebuild.total.events)} | | ${r.rebuild.total.seconds.toFixed(1)} | ${fmt(r.rebuild.total.eventsPerSecond)} | ${pct(r.rebuild.total.eventsPerSecond / r.rebuild.bare.rowsPerSecond)} | ` +
      `${fmt(sum(r.rebuild.projections.map((p) => p.versions.rows)))} | ${sum(r.rebuild.projections.map((p) => p.versions.writeSeconds + p.versions.indexSeconds)).toFixed(1)} s | ${fmt(sum(r.rebuild.projections.map((p) => p.versions.mib)))} MiB |`,
    `| limit: read + parse | ${fmt(r.rebuild.bare.rows)} | | ${r.rebuild.bare.seconds.map((s) => s.toFixed(1)).join(', ')} | ${fmt(r.rebuild.bare.rowsPerSecond)} | 100% | | | |`,
    '',
    'Versions are what reads as of a past moment are answered from (docs/projections.md): every change of a document other streams feed — every deal summary, ' +
      'commission-facts\' person and plan indexes — and the deletions of the rest, whose documents are folded again from their one stream when asked about. ' +
      'A rebuild appends them to a table of its own without an index and indexes it once before the swap; the time writing them (JSON and insert) and indexing them is measured apart and is part of the seconds. ' +
      `projections.db after the three rebuilds: ${fmt(r.rebuild.databaseMiB)} MiB, of which the read models' documents ${fmt(r.rebuild.documentsMiB)} MiB and their versions ${fmt(sum(r.rebuild.projections.map((p) => p.versions.mib)))} MiB.` +
      (r.rebuild.maxRssMiB === undefined || !r.rebuild.storeEvents ? '' :
        ` Read-model bytes written per event: ${fmt((r.rebuild.databaseMiB * 2 ** 20) / r.rebuild.storeEvents)} (projections.db ÷ the store's ${fmt(r.rebuild.storeEvents)} events); peak RSS of the rebuilding process: ${fmt(r.rebuild.maxRssMiB)} MiB (\`resourceUsage().maxRSS\`). Before and after a change: \`npm run bench:writes\`.`),
    '',
  );

  // 3. Live
  push(
    '## 3. Live latency',
    '',
    `Open loop at ${fmt(cfg.live.ratePerSecond)} commands/s (then ${cfg.live.extraRates.map((x) => fmt(x)).join(', ') || 'no other rate'}) for ${cfg.live.seconds} s after ${cfg.live.warmupSeconds} s of warm-up: each command is scheduled on a fixed timeline and its latency runs from the scheduled time (no coordinated omission). ` +
      'Loopback only; each server in its own process, the load generator and the SSE client in another.',
    '- **deal engine**: `POST` deal commands (open, buyer facts, advances — eight per deal, spread over lanes so a deal\'s commands do not overlap) with a rep\'s bearer token on the real application (durable store in a fresh folder); latency until `GET /live/projections?projections=deal-summary` (as sales-ops) delivers the change of the command\'s last event.',
    '- **limit**: a bare Node `http` server that writes each posted body to an SSE client.',
    '',
    '| target | rate/s | sent | achieved/s | received | errors | p50 | p90 | p99 | p99.9 | max | HTTP response p50 / p99 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.live.map((l) => `| ${l.target} | ${fmt(l.ratePerSecond)} | ${fmt(l.sent)} | ${fmt(l.achievedPerSecond)} | ${fmt(l.received)} | ${l.errors} | ${fmt(l.liveMs.p50, 2)} ms | ${fmt(l.liveMs.p90, 2)} ms | ${fmt(l.liveMs.p99, 2)} ms | ${fmt(l.liveMs.p999, 2)} ms | ${fmt(l.liveMs.max, 1)} ms | ${fmt(l.responseMs.p50, 2)} / ${fmt(l.responseMs.p99, 2)} ms |`),
    ...(cfg.live.extraRates.length ? ['', `The ${cfg.live.extraRates.map((x) => `${fmt(x)}/s`).join(', ')} rows are below the server's capacity; the p99 at ${fmt(cfg.live.ratePerSecond)}/s is judged against ≤ 10× the echo's, at ${fmt(LOW_LIVE_RATE)}/s against ≤ 3×.`] : []),
    ...r.live.filter((l) => l.readModelWrites).map((l) => {
      const w = l.readModelWrites!;
      return `\nRead models on disk after the ${fmt(l.ratePerSecond)}/s run: projections.db (with its WAL) ${fmt(w.bytes / 2 ** 20, 1)} MiB for the ${fmt(w.events)} events the store holds, **${fmt(w.bytesPerEvent)} bytes per event** (documents, versions for as-of reads, the live feed's change log).`;
    }),
    '',
    ...r.live.filter((l) => l.errorSamples.length).map((l) => `Errors (${l.target}): ${l.errorSamples.join('; ')}`),
    '',
    ...r.live.filter((l) => l.capacity).flatMap((l) => {
      const c = l.capacity!;
      const rounds = (rs: readonly { perSecond: number; serverCpuMsPerCommand: number; load: number }[]) =>
        rs.map((x) => `${fmt(x.perSecond)}/s (server CPU ${fmt(x.serverCpuMsPerCommand, 3)} ms/command, load ${fmt(x.load, 2)})`).join(', ');
      return [
        `Capacity of the application (a fresh server and store per round, after the runs above): ${c.concurrency} HTTP clients in a closed loop (each a deal's commands in order) complete **${fmt(c.perSecond)} commands/s**` +
          `${c.failed ? ` (${c.failed} failed: ${c.errors.join('; ')})` : ''}. A rate above this cannot be held steady: commands queue and the latency grows with the run.`,
        '',
        `HTTP limit, in rounds alternating with the application's: a bare Node \`http\` server (bench/servers/bare-command-server.ts) that parses each posted JSON body and does the SQL a command needs (the commands section's bare runner: read the deal's rows, insert the new ones, one transaction per event-loop turn, WAL, synchronous=FULL), driven by the same closed loop at ${c.concurrency} clients: **${fmt(c.limit.perSecond)} commands/s**; the application does ${pct(c.perSecond / c.limit.perSecond)} of it.`,
        '',
        `| server | commands/s (median) | rounds |`,
        '| --- | ---: | --- |',
        `| deal engine over HTTP | ${fmt(c.perSecond)} | ${rounds(c.rounds)} |`,
        `| HTTP limit: bare Node http + the SQL | ${fmt(c.limit.perSecond)} | ${rounds(c.limit.rounds)} |`,
      ];
    }),
    '',
  );

  push(...peerSection(r));

  // 4. Memory, statement and as-of reads
  const m = r.memory;
  const a = m.asOf;
  const row = (how: string, t: { samples: number; p50: number; p95: number; max: number }, digits = 1) =>
    `| ${how} | ${t.samples} | ${fmt(t.p50, digits)} ms | ${fmt(t.p95, digits)} ms | ${fmt(t.max, digits)} ms |`;
  push(
    '## 4. Memory and reads as of a past moment',
    '',
    `The application (\`createApp\`, all modules) started in its own process on the ${fmt(m.events)}-event store with the read models the rebuild wrote; ` +
      `it loads every projection (${m.projections.map((p) => p.name).join(', ')}) in ${m.startSeconds.toFixed(1)} s. Measured after three forced collections (\`--expose-gc\`).`,
    '',
    '| resident (RSS) | heap used | heap total | external | peak RSS during start |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${fmt(m.rssMiB)} MiB | ${fmt(m.heapUsedMiB)} MiB | ${fmt(m.heapTotalMiB)} MiB | ${fmt(m.externalMiB)} MiB | ${fmt(m.peakRssMiB)} MiB |`,
    '',
    '| projection | documents | documents as JSON | largest document |',
    '| --- | ---: | ---: | --- |',
    ...m.projections.map((p) => `| ${p.name} | ${fmt(p.documents)} | ${fmt(p.jsonMiB)} MiB | \`${p.largestKey}\`, ${fmt(p.largestKiB)} KiB |`),
    '',
    `Statement of ${m.statement.rep} for ${m.statement.period} as known at ${m.statement.asKnownAt} (${m.statement.lines} lines):`,
    '',
    '| how | samples | p50 | p95 | max |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| \`GET /commission/statements/:personId?period=…&asKnownAt=…\` (finance token) | ${m.statement.httpMs.samples} | ${fmt(m.statement.httpMs.p50, 1)} ms | ${fmt(m.statement.httpMs.p95, 1)} ms | ${fmt(m.statement.httpMs.max, 1)} ms |`,
    `| the query alone: \`statement(readModel, { userId, period, asKnownAt })\` | ${m.statement.queryMs.samples} | ${fmt(m.statement.queryMs.p50, 1)} ms | ${fmt(m.statement.queryMs.p95, 1)} ms | ${fmt(m.statement.queryMs.max, 1)} ms |`,
    '',
    `Also measured: the rebuild process's RSS at its end, ${fmt(r.rebuild.rssAfterMiB)} MiB (its runner does not follow the store, so the rebuilt read models stay in projections.db).`,
    '',
    'Reads as of a past recorded time, `?asOf=` (finance token): the query runs over the documents of that moment — kept versions by position, documents of one stream folded again ' +
      'from that stream, the current document where nothing changed it since — fetched as the query asks for them. The reference is what `?asOf=` did before, measured in the same process on the same store: ' +
      '`readModelAsOf` replays the store up to the moment into a throw-away read model, then the same query runs over it.',
    '',
    '| how | samples | p50 | p95 | max |',
    '| --- | ---: | ---: | ---: | ---: |',
    row(`\`GET /commission/statements/${a.statement.rep}?period=${a.statement.period}&asOf=${a.statement.moments[0]}\` (${a.statement.lines} lines)`, a.statement.httpMs),
    row('the same statement by the replay: `readModelAsOf(commission-facts)` + `statement`', a.statement.replayMs, 0),
    row(`\`GET /pipeline?asOf=…\`, the ${a.pipeline.moments.length} quarter closes of the data in turn (${[...a.pipeline.moments].sort()[0].slice(0, 10)} … ${[...a.pipeline.moments].sort().at(-1)!.slice(0, 10)})`, a.pipeline.httpMs),
    row(`the same pipeline by the replay, as of ${a.pipeline.moments[0]}: \`readModelAsOf(deal-summary)\` + \`pipelineByStage\``, a.pipeline.replayMs, 0),
    '',
    `Same answer (result and position) over HTTP as by the replay: statement ${a.statement.sameAnswer ? 'yes' : '**no**'}, pipeline ${a.pipeline.sameAnswer ? 'yes' : '**no**'}.`,
    '',
    `Under load: ${a.concurrent.requests} \`GET /pipeline?asOf=…\` sent at once took ${fmt(a.concurrent.seconds, 1)} s to be all answered (at most two are answered at a time, the rest wait their turn; each request ${fmt(a.concurrent.requestMs.p50, 0)} ms p50, ${fmt(a.concurrent.requestMs.max, 0)} ms max); ` +
      `meanwhile \`GET /health\`, asked one request after the other, answered in ${fmt(a.concurrent.healthMs.p50, 1)} ms p50, ${fmt(a.concurrent.healthMs.p95, 1)} ms p95, ${fmt(a.concurrent.healthMs.max, 1)} ms max (${fmt(a.concurrent.healthMs.samples)} answers).`,
    '',
  );

  push(...soakSection(r));
  if (r.whatIf) push(...whatIfSection(r.whatIf));

  // Causes and profiles
  if (missed.length) {
    push('## Missed targets: causes', '');
    const shown = new Set<string>();
    for (const t of missed) {
      push(`### ${t.figure}`, '', causeOf(t.id, r), '');
      for (const p of r.profiles.filter((x) => t.id.startsWith(x.target) || x.target === t.id.replace(/-(emmett|limit)-/, '-'))) {
        if (shown.has(p.target)) {
          push(`(Profile: ${p.title} — shown above.)`, '');
          continue;
        }
        shown.add(p.target);
        push(profileMarkdown(p.summary, `Profile: ${p.title}`), '');
      }
    }
  }
  push(
    '## Reproduce',
    '',
    '```',
    command,
    '```',
    '',
    `Sections run in their own Node processes (bench/section.ts); the generated store is cached under \`.tmp/bench/\` by size and generator version. ` +
      '`BENCH_QUICK=1` runs tiny sizes (smoke test: `npm run test:bench`); `BENCH_EVENTS`, `BENCH_PROFILE=0|1`, `BENCH_OUT` and `BENCH_CACHE` override the defaults; `BENCH_REPORT_ONLY=1` writes the report again from the last run\'s saved results (`.tmp/bench/last-results.json`) without measuring; ' +
      '`BENCH_SECTIONS=rebuild,memory` (any of commands, rebuild, memory, what-if, live, http-peer, soak) runs only those sections and writes their figures to `.tmp/bench/partial-results.json`, not this report. ' +
      `The soak's rate and length: \`BENCH_SOAK_RATE\` (commands/s, default 100) and \`BENCH_SOAK_SECONDS\` (default 300; 10 with \`BENCH_QUICK=1\`); this run: ${fmt(cfg.soak.ratePerSecond)}/s for ${fmt(cfg.soak.seconds)} s in ${fmt(cfg.soak.windowSeconds)} s windows. ` +
      'Profiles are `node --cpu-prof` profiles of a separate run of the missed figure (its measured part only), summarised by area, by project function with what it calls (inclusive) and by self time (bench/lib/profile.ts). ' +
      'The cause under each missed figure is written by bench/analysis.ts from this run\'s figures and profiles.',
    '',
  );
  return lines.join('\n');
}

/** The what-if replay beside a plain in-memory rebuild of deal-summary, measured in the same process. */
export function whatIfSection(w: WhatIfFigures): string[] {
  return [
    '## 6. What-if replay',
    '',
    `\`replayWhatIf\` (the default pipeline v1 against v2 with a security review stage, every deal of the store) and, after it in the same process, ` +
      '`rebuildReadModel(deal-summary)` in memory (fold only, nothing written). Both read `$all` in pages from the same store (the what-if 5,000 events a page, only the deal events it needs; the rebuild 500, as the runner does).',
    '',
    '| how | events read | deals / documents | seconds | RSS after |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| what-if, two definitions | ${fmt(w.whatIf.eventsRead)} | ${fmt(w.whatIf.deals)} | ${fmt(w.whatIf.seconds, 1)} | ${fmt(w.whatIf.rssMiB)} MiB |`,
    `| deal-summary rebuild in memory | ${fmt(w.rebuild.events)} | ${fmt(w.rebuild.documents)} | ${fmt(w.rebuild.seconds, 1)} | ${fmt(w.rebuild.rssMiB)} MiB |`,
    '',
    `What-if / rebuild: ${fmt(w.ratio, 2)}× the time, over a store of ${fmt(w.events)} events.`,
    '',
  ];
}
