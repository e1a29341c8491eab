import { EventStore } from '@deals/event-store';
import { Projection, ProjectionDatabase, ProjectionRunner, ReadModel } from '@deals/projections';
import { Progress } from '../progress';
import { CLI_BATCH_SIZE } from '../batch-size';

/**
 * Brings one read model in projections.db up to the head of the store (the runner's own loop,
 * checkpointed as the API does) and returns it. A batch that keeps failing ends the wait with its error.
 */
export async function caughtUpReadModel<D>(
  store: EventStore, db: ProjectionDatabase, projection: Projection<D>, progress: Progress,
): Promise<ReadModel<D>> {
  const head = await store.headPosition();
  const bar = progress.bar(`catch up ${projection.name}`, head, 'positions');
  const runner = new ProjectionRunner(store, db, [projection as Projection<unknown>], {
    batchSize: CLI_BATCH_SIZE, retryDelayMs: 200, onBatch: (_name, position) => bar.update(position),
  });
  await runner.start();
  try {
    for (let failures = 0; !(await runner.waitForPosition(head, 1000)); ) {
      const [status] = await runner.status();
      failures = status.lastError ? failures + 1 : 0;
      if (failures >= 5) throw new Error(`${projection.name} cannot catch up: ${status.lastError}`);
    }
    bar.update(head);
    return new Map(runner.readModel<D>(projection.name));
  } finally {
    await runner.stop();
  }
}
