/**
 * Appends to a file store until killed, for the durability test. Usage (from the repo root):
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register \
 *     libs/event-store/src/testing/crash-appender.script.ts <database path>
 * Prints `ACK <streamId> <revision> <position>` once each append is acknowledged. Several
 * streams are appended to at once, so acknowledgements come from group commits.
 */
import { randomUUID } from 'node:crypto';
import { EventToAppend } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.adapter';

const STREAMS = Array.from({ length: 6 }, (_, i) => `crash-${i}`);
// Big enough that the log fills pages quickly and now and then checkpoints.
const FILLER = 'x'.repeat(600);

function eventsFor(round: number, count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => ({
    eventId: randomUUID(),
    type: 'CrashTestNoted',
    data: { round, i, filler: FILLER },
    metadata: { pid: process.pid },
  }));
}

async function main(path: string): Promise<void> {
  const store = new SqliteEventStore({ path });
  const last = new Map<string, number>();
  for (const streamId of STREAMS) {
    const [head] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    last.set(streamId, head?.revision ?? -1);
  }
  for (let round = 0; ; round++) {
    await Promise.all(
      STREAMS.map(async (streamId, i) => {
        const revision = last.get(streamId) ?? -1;
        const result = await store.append(streamId, eventsFor(round, 1 + ((round + i) % 3)), {
          expectedRevision: revision < 0 ? 'no_stream' : revision,
        });
        last.set(streamId, result.nextExpectedRevision);
        // Writes to a pipe are synchronous on Linux: once this returns, the parent can read it.
        process.stdout.write(`ACK ${streamId} ${result.nextExpectedRevision} ${result.position}\n`);
      }),
    );
  }
}

const path = process.argv[2];
if (!path) {
  console.error('usage: crash-appender.script.ts <database path>');
  process.exit(2);
}
main(path).catch((error) => {
  console.error(error);
  process.exit(1);
});
