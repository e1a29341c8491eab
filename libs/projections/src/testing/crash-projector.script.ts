// Runs the counting projection over a store file and prints "BATCH <position>" after each
// committed batch, until killed. Used by the projection crash test.
import { SqliteEventStore } from '@deals/event-store';
import { ProjectionDatabase } from '../runner/projection-database';
import { ProjectionRunner } from '../runner/projection-runner';
import { eventCounterProjection } from './event-counter.projection';

const [storePath, projectionsPath] = process.argv.slice(2);
const store = new SqliteEventStore({ path: storePath });
const db = new ProjectionDatabase(projectionsPath);
const runner = new ProjectionRunner(store, db, [eventCounterProjection()], {
  batchSize: 50,
  onBatch: (_name, position) => process.stdout.write(`BATCH ${position}\n`),
});
runner.start().then(
  () => process.stdout.write('STARTED\n'),
  (error) => {
    process.stderr.write(String(error));
    process.exit(1);
  },
);
