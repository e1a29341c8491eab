import { fmt, median } from './lib/stats';
import type { HttpCommandsFigures, HttpCommandsRound } from './sections/http-commands';

/**
 * The HTTP command comparison with the peer a user would pick instead (Emmett on PostgreSQL behind
 * Express): its target rows, its part of the report and the cause of a missed target. Reads only the
 * figures; kept apart from report.ts so each stays readable.
 */

export const PEER_LABEL = 'Emmett-PostgreSQL behind Express';
/** The issue's target: our HTTP commands/s at least this many times the peer's. */
export const PEER_TARGET_RATIO = 2;

/** What the report needs from a run (the rest of BenchResults is not read here). */
export interface PeerResults {
  readonly httpPeer?: readonly HttpCommandsFigures[];
}

export interface PeerComparison {
  readonly concurrency: number;
  readonly ours: HttpCommandsFigures;
  readonly peer: HttpCommandsFigures;
  /** ours ÷ peer of each interleaved round pair (round i of each). */
  readonly pairs: readonly number[];
  readonly ratio: number;
  readonly lost: { readonly ours: number; readonly peer: number };
  readonly failed: { readonly ours: number; readonly peer: number };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** Acknowledged events missing from the store, over the rounds (NaN when a round could not be counted). */
const lostOf = (rs: readonly HttpCommandsRound[]) => sum(rs.map((r) => Math.max(0, (r.acknowledgedEvents ?? NaN) - (r.storedEvents ?? NaN))));

export function peerComparisons(r: PeerResults): PeerComparison[] {
  const all = r.httpPeer ?? [];
  const concurrencies = [...new Set(all.map((f) => f.concurrency))];
  return concurrencies.flatMap((c) => {
    const ours = all.find((f) => f.target === 'app' && f.concurrency === c);
    const peer = all.find((f) => f.target === 'peer' && f.concurrency === c);
    if (!ours || !peer || peer.skipped) return [];
    const n = Math.min(ours.rounds.length, peer.rounds.length);
    const pairs = Array.from({ length: n }, (_, i) => ours.rounds[i].perSecond / peer.rounds[i].perSecond);
    return [{
      concurrency: c, ours, peer, pairs, ratio: median(pairs),
      lost: { ours: lostOf(ours.rounds), peer: lostOf(peer.rounds) },
      failed: { ours: sum(ours.rounds.map((x) => x.failed)), peer: sum(peer.rounds.map((x) => x.failed)) },
    }];
  });
}

const p99Of = (f: HttpCommandsFigures) => median(f.rounds.map((x) => x.latencyMs?.p99 ?? NaN));
const range = (xs: readonly number[]) => (xs.length ? `${fmt(Math.min(...xs), 2)}–${fmt(Math.max(...xs), 2)}×` : 'n/a');

/** Target rows, shaped like report.ts's TargetResult. */
export function peerTargets(r: PeerResults) {
  return peerComparisons(r).map((p) => ({
    id: `http-peer-${p.concurrency}`,
    figure: `HTTP commands/s, ${p.concurrency} client${p.concurrency === 1 ? '' : 's'}, vs ${PEER_LABEL}`,
    measured: `${fmt(p.ours.perSecond)}/s, p99 ${fmt(p99Of(p.ours), 1)} ms`,
    reference: `${fmt(p.peer.perSecond)}/s, p99 ${fmt(p99Of(p.peer), 1)} ms (${PEER_LABEL})`,
    ratio: `${fmt(p.ratio, 2)}× (rounds ${range(p.pairs)})`,
    target: `≥ ${PEER_TARGET_RATIO}×, nothing lost`,
    met: p.ratio >= PEER_TARGET_RATIO && p.lost.ours === 0 && p.lost.peer === 0 && p.failed.ours === 0,
  }));
}

const roundText = (x: HttpCommandsRound) =>
  `${fmt(x.perSecond)}/s, p99 ${fmt(x.latencyMs?.p99 ?? NaN, 1)} ms, CPU ${fmt(x.serverCpuMsPerCommand, 2)}` +
  `${x.databaseCpuMsPerCommand === undefined ? '' : ` + ${fmt(x.databaseCpuMsPerCommand, 2)} (PostgreSQL)`} ms/command, ` +
  `${fmt(x.acknowledgedEvents ?? NaN)}/${fmt(x.storedEvents ?? NaN)} events, load ${fmt(x.load, 2)}`;

/** The report's subsection: setup, every round, the ratio of each round pair. */
export function peerSection(r: PeerResults): string[] {
  const all = r.httpPeer;
  if (!all?.length) return [];
  const skipped = all.find((f) => f.target === 'peer' && f.skipped);
  const head = [
    `### HTTP commands against ${PEER_LABEL}`,
    '',
  ];
  if (skipped) return [...head, `Not measured: ${skipped.skipped}.`, ''];
  const info = all.find((f) => f.peer)?.peer;
  const lines = [
    ...head,
    `The peer a user would pick instead: Express 4 over Emmett's PostgreSQL event store (\`getPostgreSQLEventStore\`, a pg pool of ${info?.poolSize ?? 'n/a'} connections; bench/peers/emmett-postgresql/server.ts, its packages installed apart), ` +
      `on PostgreSQL ${info?.postgres ?? 'n/a'} started by the bench in a temporary folder (${Object.entries(info?.settings ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')}; loopback TCP), a fresh database per round. ` +
      'It takes the same requests from the same load generator as the deal engine (each client a deal\'s eight commands in order, a rep\'s bearer token) and does the same work per request: ' +
      'the bearer token verified (kept by its hash until it expires, as the application does), the user looked up, the access table by role, the body validated, the command\'s metadata (actor, command id from the Idempotency-Key, correlation id, request hash), ' +
      'the same authorised deciders from libs/domain (standing teams read at opening), Emmett\'s `CommandHandler` (read and fold the stream, decide, append with the expected stream version), the same status codes and answer. ' +
      'What it does not do: keep read models (the deal engine\'s three projections follow every command in its process) or chain event hashes. ' +
      'Rounds are interleaved (deal engine, HTTP limit, peer, then again), each on a fresh server and store; the ratio is the median of ours ÷ peer over the round pairs. ' +
      'Events acknowledged / stored: the events in every 201 answer of the round against the events found in its store afterwards.',
    '',
    '| clients | server | commands/s (median) | p99 (median) | rounds: rate, p99, CPU per command, events acknowledged/stored, load |',
    '| ---: | --- | ---: | ---: | --- |',
    ...all.filter((f) => f.rounds.length).map((f) =>
      `| ${f.concurrency} | ${f.target === 'app' ? 'deal engine over HTTP' : f.target === 'peer' ? PEER_LABEL : 'HTTP limit: bare Node http + the SQL'} | ${fmt(f.perSecond)} | ${fmt(p99Of(f), 1)} ms | ${f.rounds.map(roundText).join('; ')} |`),
    '',
    '| clients | deal engine ÷ peer (median of round pairs) | round pairs | p99 deal engine / peer | lost (acknowledged, not stored): ours / peer | failed: ours / peer |',
    '| ---: | ---: | --- | --- | --- | --- |',
    ...peerComparisons(r).map((p) => `| ${p.concurrency} | **${fmt(p.ratio, 2)}×** | ${p.pairs.map((x) => `${fmt(x, 2)}×`).join(', ')} | ${fmt(p99Of(p.ours), 1)} / ${fmt(p99Of(p.peer), 1)} ms | ${p.lost.ours} / ${p.lost.peer} | ${p.failed.ours} / ${p.failed.peer} |`),
    '',
  ];
  return lines;
}

/** Why the deal engine is not twice the peer, from the run's figures. */
export function peerCause(r: PeerResults, concurrency: number, profileNote?: string): string {
  const p = peerComparisons(r).find((x) => x.concurrency === concurrency);
  if (!p) return 'The peer did not run.';
  const cpu = (f: HttpCommandsFigures) => median(f.rounds.map((x) => x.serverCpuMsPerCommand));
  const db = median(p.peer.rounds.map((x) => x.databaseCpuMsPerCommand ?? NaN));
  return `Per command the deal engine's server process spends ${fmt(cpu(p.ours), 2)} ms of CPU (median of the rounds, warm-up included); the peer's Node process ${fmt(cpu(p.peer), 2)} ms and PostgreSQL ${fmt(db, 2)} ms besides. ` +
    'Both pay a durable commit per command (SQLite WAL with synchronous=FULL and group commit; PostgreSQL with fsync and synchronous_commit on). ' +
    (concurrency === 1
      ? `With one client a command's work runs one step after the other on either side, so the rate follows the time per command: ${fmt(cpu(p.ours), 2)} ms of CPU against ${fmt(cpu(p.peer) + db, 2)} ms for the peer's two processes together. `
      : 'The deal engine does all of its work on one Node event loop, the store included (SQLite in process); the peer\'s work is split between its Node process and PostgreSQL\'s backend processes, which run on another core meanwhile, so with many clients the peer completes commands at up to the rate of its busier process, not of their sum. ') +
    'The deal engine\'s process also runs what the peer does not: Nest\'s router, guards, interceptors and validation pipe, the hash chain of every event, and its three projections following every command with their commits on the same event loop (the peer keeps no read model); ' +
    `${profileNote ?? 'the profile of the application server under the live-latency target shows where its time goes'}. ` +
    `At ${concurrency} client${concurrency === 1 ? '' : 's'} the rounds were measured at a load average of ${p.ours.rounds.map((x) => fmt(x.load, 1)).join(', ')} (deal engine) and ${p.peer.rounds.map((x) => fmt(x.load, 1)).join(', ')} (peer) on a shared machine: the ratio of interleaved rounds is what to read.`;
}
