import { Command } from 'commander';
import { IntegrityReport, verifyIntegrity } from '@deals/event-store';
import { CliContext } from '../cli-context';

export function registerVerify(program: Command, ctx: CliContext): void {
  program
    .command('verify')
    .description("Check every stream's hash chain (and, on the embedded store, that no position is missing); exit 1 when broken")
    .action(async () => {
      const dir = ctx.dataDir();
      const store = dir.openStore();
      const progress = ctx.progress();
      try {
        const bar = progress.bar('verify', await store.headPosition(), 'events');
        const report = await verifyIntegrity(store, { contiguousPositions: !dir.external, onProgress: (checked) => bar.update(checked) });
        progress.stop();
        for (const line of describeReport(report)) (report.ok ? ctx.io.out : ctx.io.err)(line);
        if (!report.ok) ctx.exit(1);
      } finally {
        progress.stop();
        await store.close();
      }
    });
}

export function describeReport(r: IntegrityReport): string[] {
  const head = `${r.eventsChecked} events in ${r.streamsChecked} streams up to position ${r.headPosition}`;
  if (r.ok) return [`verified ${head}: every hash chain is intact`];
  return [
    `BROKEN: ${head}: ${r.brokenStreams.length} broken streams, ${r.missingPositions.length} gaps in $all`,
    ...r.brokenStreams.map((b) => `  ${b.streamId} at revision ${b.revision} (position ${b.position}, event ${b.eventId}): ${b.reason}`),
    ...r.missingPositions.map((m) => `  positions ${m.from}${m.to > m.from ? `–${m.to}` : ''} are missing (an event was deleted)`),
  ];
}
