import { fmt } from './lib/stats';
import type { BenchResults } from './results';
import type { SoakFigures } from './sections/soak';
import { FLAT_HEAP_ALLOWANCE_FACTOR, FLAT_P99_RATIO, soakVerdict } from './sections/soak-verdict';

/** Section 5 of the report: the soak's windows and its verdict. */
export function soakSection(r: BenchResults): string[] {
  const s = r.soak;
  const capacity = r.live.find((l) => l.capacity)?.capacity;
  const heapPerDealKiB = ((r.memory.heapUsedMiB - (s.start?.heapUsedMiB ?? NaN)) * 1024) / r.dataset.deals;
  const mem = (m: SoakFigures['start']) => (m ? `${fmt(m.rssMiB, 1)} MiB | ${fmt(m.heapUsedMiB, 1)} MiB` : 'n/a | n/a');
  return [
    '## 5. Soak',
    '',
    `The live-latency load of section 3 (the same deal-command lanes, ${fmt(s.lanes)} of them, open loop, an SSE reader on \`/live/projections?projections=deal-summary\`) held at ` +
      `**${fmt(s.ratePerSecond)} commands/s for ${fmt(s.seconds)} s** (achieved ${fmt(s.achievedPerSecond, 1)}/s; ${fmt(s.dealsPerMinute)} new deals a minute)` +
      `${capacity ? `, well below the ${fmt(capacity.perSecond)} commands/s the application completes at all (section 3)` : ''}, on a fresh application server and store. ` +
      `Every ${fmt(s.windowSeconds)} s the server runs a full collection and reports its \`process.memoryUsage()\` over its IPC channel (it is started with --expose-gc; no endpoint in the product); ` +
      'latency (scheduled send → the SSE reader has the change) and failures are counted per window by each command\'s scheduled time. ' +
      'Read models not stored in projections.db are kept on the heap, so every new deal adds to it by design: a slope here is what the data costs plus anything leaked.' +
      (heapPerDealKiB > 0 ? ` For scale: with the whole generated store loaded (section 4) the heap holds ${fmt(heapPerDealKiB, 1)} KiB a deal more than this server's at the start ` +
        `(${fmt(r.dataset.events / r.dataset.deals, 1)} events a deal there; here a deal gets ${fmt(s.commandsPerDeal)} commands).` : ''),
    '',
    '| window | sent | answered | errors | SSE received | p50 | p99 | RSS at its end | heap used at its end |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| start | | | | | | | ${mem(s.start)} |`,
    ...s.windows.map((w) => `| ${fmt(w.fromSeconds)}–${fmt(w.toSeconds)} s | ${fmt(w.sent)} | ${fmt(w.answered)} | ${fmt(w.errors)} | ${fmt(w.received)} | ` +
      `${fmt(w.liveMs.p50, 2)} ms | ${fmt(w.liveMs.p99, 2)} ms | ${mem(w.memory)} |`),
    '',
    `Verdict: ${soakVerdict(s, heapPerDealKiB > 0 ? heapPerDealKiB : undefined).text}`,
    '',
    `"Flat" means all of: the heap after a full collection grows, per deal opened, by at most ${fmt(FLAT_HEAP_ALLOWANCE_FACTOR, 1)}× what the in-memory read models hold per deal ` +
      '(the per-deal figure above; they must grow with the data, anything beyond is kept by something else), least-squares slope over the second half of the run; ' +
      `the median of the windows' p99 in the second half is less than ${fmt(FLAT_P99_RATIO, 1)}× that of the first half (the first window, which carries the server's warm-up, left out); no command failed. ` +
      'RSS is shown as measured; it also holds memory the allocator keeps after collections.',
    ...(s.errorSamples.length ? ['', `Errors: ${s.errorSamples.join('; ')}`] : []),
    '',
  ];
}
