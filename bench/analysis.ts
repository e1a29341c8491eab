import type { ProfileLine, ProfileSummary } from './lib/profile';
import { fmt } from './lib/stats';
import { peerCause } from './report-peer';
import type { BenchResults } from './results';
import { DEFAULT_REBUILD_CACHE } from '@deals/projections';

/**
 * Why a target was missed: the reading of the profile printed next to it, tied to the figures of
 * this run. What each text claims about the code (which function does what) was established by
 * reading the code and its profiles while the harness was written; the numbers come from the run.
 */

const pct = (x: number) => `${fmt(x * 100, 0)}%`;

function line(summary: ProfileSummary | undefined, name: string, inclusive = true): ProfileLine | undefined {
  return (inclusive ? summary?.inclusive : summary?.functions)?.find((f) => f.name === name);
}

function share(summary: ProfileSummary | undefined, name: string, inclusive = true): string {
  const found = line(summary, name, inclusive);
  return found ? pct(found.share) : 'a small share';
}

function areaShare(summary: ProfileSummary | undefined, area: string): string {
  const found = summary?.areas.find((a) => a.name === area);
  return found ? pct(found.share) : 'a small share';
}

const profileOf = (r: BenchResults, target: string) => r.profiles.find((p) => p.target === target)?.summary;
const perSecond = (r: BenchResults, runner: string, c: number) => r.commands.find((x) => x.runner === runner && x.concurrency === c)?.perSecond ?? NaN;

function commandsVsEmmett(r: BenchResults, c: number): string {
  const product = perSecond(r, 'product', c);
  const documented = perSecond(r, 'emmett-default', c);
  const connection = perSecond(r, 'emmett-connection', c);
  const bare = perSecond(r, 'bare', c);
  const best = Math.max(documented, connection);
  const parts = [
    `Emmett is not ten times slower than the deal engine here. Its documented set-up (\`getSQLiteEventStore({ fileName })\`) opens a connection, sets WAL and closes it again for every operation ` +
      `(node_modules/@event-driven-io/emmett-sqlite/dist/index.cjs, \`getSQLiteEventStore\` → \`withConnection\` → \`closeConnection\`), so a command costs two connections; ` +
      (documented > 0
        ? `it runs at ${fmt(documented)} commands/s (the deal engine: ${fmt(product)}/s, ${fmt(product / documented, 1)}×). `
        : `at this concurrency it completes no command at all (see below; the deal engine: ${fmt(product)}/s). `) +
      `Kept on one open connection, Emmett does little more per command than the limit does — one read of the stream, one transaction with an UPDATE of the stream row and one multi-row INSERT — ` +
      `and reaches ${fmt(connection)}/s.`,
  ];
  if (c === 1) {
    parts.push(`At concurrency 1 every command waits for its own fsync. Ten times the best Emmett figure would be ${fmt(10 * best)}/s, ` +
      `${10 * best > bare ? 'more than the limit itself' : 'close to the limit'} (${fmt(bare)}/s, a bare loop with pre-serialised rows): ` +
      `${10 * best > bare ? 'no command path on this SQLite and this disk can reach it' : 'only a command path doing next to nothing could reach it'}.`);
  } else {
    parts.push(`At concurrency ${c} the documented set-up completes ${documented > 0 ? `${fmt(documented)} commands/s` : 'no command'}: concurrent operations share the one connection it keeps in a variable and close it under each other ` +
      '(SQLITE_MISUSE: Database is closed). On one long-lived connection, concurrent commands share one transaction (`sqliteConnection().withTransaction` counts nesting per connection, ' +
      'so only the last one to finish commits): a command is answered before its COMMIT — it is not durable when acknowledged — and one failure rolls back the others. ' +
      `Even so it reaches ${fmt(connection)}/s; ten times that (${fmt(10 * connection)}/s) is ${pct((10 * connection) / bare)} of the limit.`);
  }
  parts.push('The deal engine\'s own cost per command is explained under the limit figure.');
  return parts.join(' ');
}

function commandsVsLimit(r: BenchResults, c: number): string {
  const p = profileOf(r, `commands-${c}`);
  const product = perSecond(r, 'product', c);
  const bare = perSecond(r, 'bare', c);
  const us = (rate: number) => fmt(1e6 / rate, 0);
  return [
    `Per command the deal engine spends about ${us(product)} µs of wall time, the limit ${us(bare)} µs. The limit reads the stream's rows without parsing them and inserts rows serialised in advance into a table with one unique index. ` +
      'The command path keeps recently commanded deals folded in memory and reads only the events after the cached revision (usually the previous command\'s own), then decides and appends. In the profile below:',
    `the group commit (\`GroupCommit.flush\` ${share(p, 'flush')} inclusive, ${share(p, 'flush', false)} self: the native BEGIN IMMEDIATE/COMMIT with its fsync, which writes more WAL pages than the limit's because each event row carries its metadata and both 64-character hashes and maintains three indexes — event id, stream and revision, type — and AUTOINCREMENT's sequence row); ` +
      `inside it, per append, the idempotency look-up of every event id and the stream head (\`writeAppend\` ${share(p, 'writeAppend')}) and the RFC 8785 canonical form and SHA-256 of every event for the hash chain (\`computeEventHash\` ${share(p, 'computeEventHash')}); ` +
      `reading the events after the cached revision (\`SqliteEventStore.readStream\` ${share(p, 'readStream')} inclusive: the first read after a commit); the authorised decide (\`decide\` ${share(p, 'decide')}). Garbage collection takes ${areaShare(p, 'garbage collection')}.`,
    'No single function of the product dominates: what is left is the commit of what the product stores for each event (hash chain, idempotency by event id, typed filtering) and the guarantees checked per append.',
  ].join(' ');
}

function rebuildCause(r: BenchResults, projection: string): string {
  const p = profileOf(r, `rebuild-${projection}`);
  const figures = r.rebuild.projections.find((x) => x.projection === projection);
  const bareSeconds = r.rebuild.bare.rows / r.rebuild.bare.rowsPerSecond;
  const parts: string[] = [];
  if (figures) {
    parts.push(`To reach 40% of the limit a rebuild may take at most 2.5 times what reading and parsing the rows take (${bareSeconds.toFixed(1)} s); this one took ${figures.seconds.toFixed(1)} s, ` +
      `${fmt(figures.seconds / bareSeconds, 1)} times: ${figures.foldSeconds.toFixed(1)} s reading and folding, ${figures.writeSeconds.toFixed(1)} s writing the ${fmt(figures.documents)} documents in one transaction.`);
    if (figures.versions.rows > 0) {
      parts.push(`Of those seconds, keeping the ${fmt(figures.versions.rows)} document versions as-of reads are answered from took ${figures.versions.writeSeconds.toFixed(1)} s ` +
        `(\`ProjectionDatabase.writeVersions\`: JSON.stringify and an append per version, page by page) and ${figures.versions.indexSeconds.toFixed(1)} s indexing them before the swap.`);
    }
  }
  const write = line(p, 'writeDocuments') ? share(p, 'writeDocuments') : 'not reached in the profiled part';
  parts.push(`Of the profiled time, reading the pages (\`SqliteEventStore.readAll\` with \`toRecordedEvent\`'s JSON.parse — the limit's whole work) is ${share(p, 'readAll')}, ` +
    `folding (the projection's \`apply\`, called by \`rebuildReadModel\`) ${share(p, 'apply')}, writing the read model (\`RebuildCache.flush\` → \`ProjectionDatabase.writeDocuments\`: JSON.stringify and an upsert per changed document, an insert per new item of an append-only field) ${write}, ` +
    `garbage collection ${areaShare(p, 'garbage collection')} (a rebuild holds at most its cache's documents on the heap, written out in batches, of the ${fmt(figures?.documents ?? 0)} it builds).`);
  if (projection === 'audit') {
    const person = r.memory.projections.find((x) => x.name === 'audit');
    parts.push('Every deal event is applied to the deal\'s timeline and to one document per person it names and that deal ' +
      `(\`applyToPersonDeal\`, libs/projections/src/audit/person-deals.ts, ${share(p, 'applyToPersonDeal')} inclusive), so its cost is bounded by the deal, not by the deals a person has worked ` +
      `(${fmt(r.dataset.deals / r.dataset.reps, 0)} per rep here). ` +
      (person ? `The largest audit document is \`${person.largestKey}\`, ${fmt(person.largestKiB)} KiB as JSON. ` : '') +
      `The deal timeline copies every event with its raw data and walks it for evidence (\`applyToDealAudit\` ${share(p, 'applyToDealAudit')}).`);
  }
  return parts.join(' ');
}

function liveCause(r: BenchResults): string {
  const app = r.live.find((l) => l.target.startsWith('deal engine') && l.ratePerSecond === r.config.live.ratePerSecond);
  const p = profileOf(r, 'live-p99');
  const capacity = app?.capacity?.perSecond ?? NaN;
  return [
    app?.capacity && capacity < r.config.live.ratePerSecond
      ? `The application cannot hold ${fmt(r.config.live.ratePerSecond)} commands/s on this machine: with 64 HTTP clients in a closed loop a fresh server completes ${fmt(capacity)} commands/s. ` +
        'Above that rate commands queue, so the latency measured from each scheduled send grows for the whole run (and a deal\'s next command can arrive before the previous one was applied: the errors).'
      : `A fresh server completes ${fmt(capacity)} commands/s with 64 HTTP clients in a closed loop, so ${fmt(r.config.live.ratePerSecond)}/s is close to what it can do at all: ` +
        'queues form whenever a burst of projection work or a collection stalls the event loop, and a deal\'s next command can then arrive before the previous one was applied (the errors).',
    'One Node event loop does all of it per command: HTTP parsing, the bearer token, validation, the command path with its fsync, then the projection runner (three projections, each reading the new events and committing its documents, change-log rows and checkpoint in its own transaction) and the SSE write; the bare echo does only the HTTP parsing and the write. In the profile of the server under this load:',
    `the projection runner (\`ProjectionRunner.step\` ${share(p, 'step')} inclusive; its commits \`commitBatch\` ${share(p, 'commitBatch')}, of which better-sqlite3's \`sqliteTransaction\` ${share(p, 'sqliteTransaction', false)} self, \`writeDocs\` ${share(p, 'writeDocs', false)}, \`logChange\` ${share(p, 'logChange', false)}; ` +
      `reading stored audit documents \`document\` ${share(p, 'document', false)}), the command path (\`handleCommand\` ${share(p, 'handleCommand')} inclusive, of which reading the events after the cached revision \`readStream\` ${share(p, 'readStream')}), ` +
      `garbage collection ${areaShare(p, 'garbage collection')}, class-validator ${areaShare(p, 'package class-validator')}.`,
    'Reading `$all` once for the three projections and committing them in one transaction (commit da64a2b) was measured against this design with this section on the same machine: it completed no more commands/s, and each change reached the SSE client later, since it then waits for every projection\'s batch; it was reverted.',
  ].join(' ');
}

function liveLowCause(r: BenchResults, rate: number): string {
  const at = r.live.filter((l) => l.ratePerSecond === rate);
  const app = at.find((l) => l.target.startsWith('deal engine'));
  const echo = at.find((l) => !l.target.startsWith('deal engine'));
  if (!app || !echo) return 'Not measured at this rate.';
  return `At ${fmt(rate)} commands/s the server is below its capacity, yet each change reaches the SSE client at p99 ${fmt(app.liveMs.p99, 1)} ms against the echo's ${fmt(echo.liveMs.p99, 1)} ms; ` +
    `the HTTP answer alone takes ${fmt(app.responseMs.p99, 1)} ms at p99 (the echo's ${fmt(echo.responseMs.p99, 1)} ms), so ${fmt(Math.max(0, app.liveMs.p99 - app.responseMs.p99), 1)} ms of the p99 come after the command is stored: ` +
    'the projection runner reads the new events, folds them and commits each projection\'s documents before the live feed sends the change. Where that time goes is in the profile of the server under the live load (see the 1,000/s target).';
}

function readModelBytesCause(r: BenchResults): string {
  const w = r.live.find((l) => l.readModelWrites)?.readModelWrites;
  if (!w) return 'Not measured.';
  const top = w.tables.slice(0, 6).map((t) => `\`${t.name}\` ${fmt(t.bytes / w.events)} B/event`).join(', ');
  return `Of the ${fmt(w.bytesPerEvent)} bytes projections.db holds per event after the live run (SQLite's dbstat, by table and index): ${top}. ` +
    'Documents are rewritten whole when they change; versions keep each changed deal summary for as-of reads; the change log keeps what the live feed replays.';
}

/** The application's HTTP profile by part of a request, in CPU ms per command (undefined when not profiled). */
export function requestPartsText(r: BenchResults): string | undefined {
  const entry = r.profiles.find((x) => x.target === 'http-commands' && x.parts);
  const parts = entry?.parts;
  if (!parts) return undefined;
  const ms = (share: number) => share * parts.cpuMsPerCommand;
  const sum = (re: RegExp) => parts.parts.filter((x) => re.test(x.part)).reduce((a, x) => a + ms(x.share), 0);
  const framework = sum(/^(validation pipe|guards|the answer|pino-http|the request door|Nest core|Express router|Fastify|Node HTTP)/);
  const engine = sum(/^(command path|event store group commit)/);
  const runner = sum(/^projection runner/);
  const gc = sum(/^garbage collection/);
  return [
    `Where the application's CPU goes, by part of a request: \`node --cpu-prof\` of a fresh server's request loop (its main thread) under ${parts.concurrency} clients in a closed loop ` +
      `(${fmt(parts.perSecond)} commands/s; the request loop spent ${fmt(parts.cpuMsPerCommand, 2)} ms of CPU per command` +
      (parts.processCpuMsPerCommand === undefined ? '' : `, the whole process with its helper threads ${fmt(parts.processCpuMsPerCommand, 2)} ms`) +
      '; warm-up left out), each busy sample given to the part of the nearest frame of its stack that belongs to one (bench/lib/request-parts.ts); a part\'s milliseconds are its share times the request loop\'s CPU per command.',
    '',
    '| part of the server\'s CPU time | share | CPU ms per command |',
    '| --- | ---: | ---: |',
    ...parts.parts.map((x) => `| ${x.part} | ${fmt(x.share * 100, 1)}% | ${fmt(ms(x.share), 3)} |`),
    '',
    `The framework around a command (Node HTTP, router and middleware, the door, the request log, guards, validation, Nest's handling, the answer) takes ${fmt(framework, 2)} ms of it, the engine (command path and group commit) ${fmt(engine, 2)} ms, ` +
      `the projection runner sharing the event loop ${fmt(runner, 2)} ms, collection ${fmt(gc, 2)} ms. No part alone stands between this rate and the target: without any of the framework the request loop would still spend ${fmt(parts.cpuMsPerCommand - framework, 2)} ms per command, ` +
      `at most ${fmt(1000 / Math.max(1e-9, parts.cpuMsPerCommand - framework))} commands/s on one event loop.`,
  ].join('\n');
}

function httpCause(r: BenchResults, which: 'limit' | 'before'): string {
  const cap = r.live.find((l) => l.capacity)?.capacity;
  const parts = requestPartsText(r);
  const limitMissed = cap !== undefined && cap.perSecond < 0.5 * cap.limit.perSecond;
  return `With ${cap?.concurrency ?? 64} clients the bare server does ${fmt(cap?.limit.perSecond ?? NaN)} commands/s and the application ${fmt(cap?.perSecond ?? NaN)}: ` +
    'the limit parses the body and runs the SQL; the application also runs, on the same event loop, the Express/Nest router, the request door, pino-http, the metrics, the guards (bearer token, access table), the validation pipe (class-transformer, class-validator), the command path (decide, hash chain, canonical JSON) and the projection runner with its commits. ' +
    (which === 'before'
      ? 'Since the figure before (commit 51423e9) every request also passes the request door (body, text-field, query and header checks), the request log (pino-http), metrics and request tracking, cookie-parser for the dashboard\'s sessions, and the access table in place of the earlier read guards; the lean read-model writes since then cut what the projection runner writes per event. '
      : '') +
    (!parts ? 'The application\'s HTTP profile was not taken in this run.'
      : which === 'before' && limitMissed ? 'Where its CPU goes, by part of a request: under the HTTP-limit target above.' : `\n\n${parts}`);
}

function rebuildRssCause(r: BenchResults): string {
  const b = r.rebuild;
  const steps = b.projections.filter((p) => p.maxRssMiB !== undefined)
    .map((p) => `${p.projection} ${fmt(p.maxRssMiB!)} MiB (heap used then ${fmt(p.heapUsedMiB ?? NaN)} MiB)`);
  return `A rebuild holds at most its cache's documents (${fmt(DEFAULT_REBUILD_CACHE.documents)} changed documents or ${fmt(DEFAULT_REBUILD_CACHE.bytes / 2 ** 20)} MiB of their JSON; up to ${fmt(4 * DEFAULT_REBUILD_CACHE.documents)} documents held in all) and writes the rest out as it goes; it collects garbage once its heap has grown ${fmt((DEFAULT_REBUILD_CACHE.heap ?? 0) / 2 ** 20)} MiB past what was live after the last collection. ` +
    'Measured with `resourceUsage().maxRSS` of the process that ran the rebuilds one after the other' +
    (b.baseRssMiB !== undefined ? `, which held ${fmt(b.baseRssMiB)} MiB before the first (Node, the modules, the store opened)` : '') +
    (steps.length ? `; the peak after each: ${steps.join(', ')}. ` : '. ') +
    'Beyond the cache, a peak holds the garbage of up to that growth, the pages of the batch being read and written, and SQLite\'s page caches.';
}

function memoryCause(r: BenchResults): string {
  const m = r.memory;
  const parts = m.projections.map((p) => `${p.name} ${fmt(p.documents)} documents, ${fmt(p.jsonMiB)} MiB as JSON`).join('; ');
  return 'deal-summary and commission-facts are held in memory as JavaScript objects (loaded from projections.db at start), and objects take a multiple of their JSON size; audit is read from projections.db. ' +
    `Here: ${parts}. Heap used after collection: ${fmt(m.heapUsedMiB)} MiB of ${fmt(m.rssMiB)} MiB resident.`;
}

function statementCause(r: BenchResults): string {
  const s = r.memory.statement;
  return `The query alone takes ${fmt(s.queryMs.p50, 1)} ms (p50) of the ${fmt(s.httpMs.p50, 1)} ms over HTTP. ` +
    '`statement` (libs/projections/src/commission/commission.queries.ts) reads only the facts the person\'s commission can depend on, from the per-person index of the commission-facts read model (`personCommissionFacts`), then computes the statement as known at the moment; see the profile below.';
}

function asOfCause(r: BenchResults, which: 'statement' | 'pipeline'): string {
  const a = r.memory.asOf[which];
  return (a.sameAnswer ? '' : 'The answer over HTTP was not the replay\'s: a fault to fix before any speed. ') +
    `Over HTTP ${fmt(a.httpMs.p50, 1)} ms p50, ${fmt(a.httpMs.p95, 1)} ms p95. ` +
    (which === 'pipeline'
      ? 'The pipeline goes over every deal: each deal summary\'s newest version at or before the moment is looked up in projections.db (one index seek per deal for the key, one for the version), and parsed unless no version came after it (then the live one is used).'
      : 'The statement reads the person\'s index and plan documents from their versions, then folds the stream of each deal, assignment and dispute they list that changed after the moment (one stream read each); the others are the live documents.');
}

export function causeOf(id: string, r: BenchResults): string {
  const c = Number(id.split('-').pop());
  if (id.startsWith('commands-emmett-')) return commandsVsEmmett(r, c);
  if (id.startsWith('commands-limit-')) return commandsVsLimit(r, c);
  if (id === 'rebuild-peak-rss') return rebuildRssCause(r);
  if (id.startsWith('rebuild-')) return rebuildCause(r, id.slice('rebuild-'.length));
  if (id === 'live-p99') return liveCause(r);
  if (id === 'http-commands-limit' || id === 'http-commands-before') return httpCause(r, id === 'http-commands-limit' ? 'limit' : 'before');
  if (id.startsWith('live-p99-')) return liveLowCause(r, c);
  if (id === 'read-model-bytes') return readModelBytesCause(r);
  if (id.startsWith('http-peer-')) return peerCause(r, c, requestPartsText(r) === undefined ? undefined : 'the application\'s profile by part of a request is under the HTTP-limit target above');
  if (id === 'memory-rss') return memoryCause(r);
  if (id === 'statement') return statementCause(r);
  if (id === 'asof-statement') return asOfCause(r, 'statement');
  if (id === 'asof-pipeline') return asOfCause(r, 'pipeline');
  return 'See the profile below.';
}
