import type { ProfileLine, ProfileSummary } from './lib/profile';
import { fmt } from './lib/stats';
import type { BenchResults } from './report';

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
      'The command path does, for every command, what the profile below shows:',
    `reading the whole stream back and parsing it (\`SqliteEventStore.readStream\` ${share(p, 'readStream')} inclusive, of which \`toRecordedEvent\`'s JSON.parse of data and metadata ${share(p, 'toRecordedEvent')}; ten columns per row including both 64-character hashes), ` +
      `folding it and deciding (\`handleCommand\` ${share(p, 'handleCommand')} inclusive covers read, fold, decide and the wait for the commit), ` +
      `and in the group commit (\`GroupCommit.flush\` ${share(p, 'flush')}): per append a savepoint, the idempotency look-up of every event id and the stream head (\`writeAppend\` ${share(p, 'writeAppend')}), ` +
      `the RFC 8785 canonical form and SHA-256 of every event for the hash chain (\`computeEventHash\` ${share(p, 'computeEventHash')}), and inserts that maintain three indexes (event id, stream and revision, type) and AUTOINCREMENT's sequence row, ` +
      `so each commit writes more pages to the WAL before its fsync (better-sqlite3's \`exec\` of BEGIN/COMMIT: ${share(p, 'exec', false)} self time). Garbage collection takes ${areaShare(p, 'garbage collection')}.`,
    'No single function dominates: the gap is the sum of the product\'s guarantees (hash chain, idempotency by event id, typed filtering, per-append isolation) and of re-reading and re-parsing the stream on every command. ' +
      'The largest single lever would be to keep folded state per stream in memory (checked against the stream head) instead of reading and parsing the stream for every command — a design change, not a small fix.',
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
  }
  const write = line(p, 'replaceAll') ? share(p, 'replaceAll') : 'not reached in the profiled part';
  parts.push(`Of the profiled time, reading the pages (\`SqliteEventStore.readAll\` with \`toRecordedEvent\`'s JSON.parse — the limit's whole work) is ${share(p, 'readAll')}, ` +
    `folding (\`applyBatch\` → the projection's \`apply\`) ${share(p, 'applyBatch')}, writing the read model (\`ProjectionDatabase.replaceAll\` → \`writeDocs\`: JSON.stringify and an upsert per document) ${write}, ` +
    `garbage collection ${areaShare(p, 'garbage collection')} (the runner folds each batch into a new map of new documents, and the finished read model of ${fmt(figures?.documents ?? 0)} documents stays on the heap while the next is built).`);
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
      : 'The server keeps up with the rate, but each command waits behind the projection work of the previous ones.',
    'One Node event loop does all of it per command: HTTP parsing, the bearer token, validation, the command path with its fsync, then the projection runner (three projections, each reading the new events and committing its documents, change-log rows and checkpoint in its own transaction) and the SSE write. In the profile of the server under this load:',
    `verifying the token (\`createPublicKey\`, ${share(p, 'createPublicKey', false)} self time): jsonwebtoken 9 (node_modules/jsonwebtoken/verify.js, lines 120–129) is given the HS256 secret as a string and first tries it as a PEM public key; ` +
      'that throws on every request before it falls back to `createSecretKey`. Handing @nestjs/jwt a `KeyObject` made once with `createSecretKey` (apps/deal-api/src/auth/access-token.ts, `createJwtService`) would skip it.',
    `The projection commits (better-sqlite3 \`sqliteTransaction\` ${share(p, 'sqliteTransaction', false)}, \`ProjectionDatabase.writeDocs\` ${share(p, 'writeDocs', false)}, \`logChange\` ${share(p, 'logChange', false)}, \`prepare\` ${share(p, 'prepare', false)}; libs/projections/src/runner/projection-database.ts): ` +
      'each batch re-prepares its statements, serialises every changed document whole, and logs every change with the whole document again.',
    `The event store's commit (\`exec\` ${share(p, 'exec', false)}: BEGIN IMMEDIATE/COMMIT with the fsync, and the projections' own commits).`,
  ].join(' ');
}

function memoryCause(r: BenchResults): string {
  const m = r.memory;
  const parts = m.projections.map((p) => `${p.name} ${fmt(p.documents)} documents, ${fmt(p.jsonMiB)} MiB as JSON`).join('; ');
  return `All read models are held in memory as JavaScript objects (ProjectionRunner keeps a Map per projection, loaded from projections.db at start), and objects take a multiple of their JSON size. ` +
    `Here: ${parts}. The audit projection keeps every deal event again, with its raw data, in the deal's timeline, and every person's deals with their records (libs/projections/src/audit/deal-timeline.ts, person-deals.ts): ` +
    'it is a second copy of the store in memory. Heap used after collection: ' + `${fmt(m.heapUsedMiB)} MiB of ${fmt(m.rssMiB)} MiB resident.`;
}

function statementCause(r: BenchResults): string {
  const p = profileOf(r, 'statement');
  const s = r.memory.statement;
  return `The query alone takes ${fmt(s.queryMs.p50, 1)} ms (p50) of the ${fmt(s.httpMs.p50, 1)} ms over HTTP, and its work grows with every deal in the store (${fmt(r.dataset.deals)}), not with the rep's. ` +
    '`statement` (libs/projections/src/commission/commission.queries.ts) first builds the facts of the whole read model (`commissionFactsOf`: every document, all deals sorted by position, ' +
    `${share(p, 'commissionFactsOf')}); then \`factsKnownAt\` (libs/domain/src/commission/calculate/known-at.ts, ${share(p, 'factsKnownAt')} inclusive) copies every deal with its amounts, stages and splits filtered by recorded time, ` +
    `calling \`recordedBy\` → \`parseInstant\` (libs/domain/src/shared/time.ts: a regular-expression check and Date.parse of the ISO string, ${share(p, 'parseInstant')}) for every fact of every deal on every request; ` +
    `only then does \`creditedWins\` (${share(p, 'creditedWins')}) keep the rep's deals. The copies are garbage at once: collection takes ${areaShare(p, 'garbage collection')}. ` +
    'Restricting the facts to the deals the person has credit on before the as-known-at copy, or keeping recorded times as numbers in the read model, would make the query proportional to the rep\'s deals; both touch the commission calculation, so they are left to a decision.';
}

export function causeOf(id: string, r: BenchResults): string {
  const c = Number(id.split('-').pop());
  if (id.startsWith('commands-emmett-')) return commandsVsEmmett(r, c);
  if (id.startsWith('commands-limit-')) return commandsVsLimit(r, c);
  if (id.startsWith('rebuild-')) return rebuildCause(r, id.slice('rebuild-'.length));
  if (id === 'live-p99') return liveCause(r);
  if (id === 'memory-rss') return memoryCause(r);
  if (id === 'statement') return statementCause(r);
  return 'See the profile below.';
}
