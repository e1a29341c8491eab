import { join } from 'node:path';
import { MessagePort, parentPort, threadId, workerData } from 'node:worker_threads';
import { openEventStore, SqliteEventStore } from '@deals/event-store';
import { describeError, LoggedChange, PIPELINE_STREAMS, PipelineDirectory, ProjectionDatabase, ProjectionRunner, projectionsFor } from '@deals/projections';
import { serialiseError } from './worker-errors';
import { FromWorker, PROJECTIONS_WORKER_ROLE, ToWorker, WorkerCall, WorkerSetup } from './worker-messages';

/**
 * The projections worker: the library's runner on connections of its own to the store and to
 * projections.db. It reads, folds and commits (documents, change log, versions and checkpoint in
 * one transaction, as on the main thread), then posts each committed batch to the API thread,
 * which mirrors it. Writes the API asks for (rebuild, pruning) run here too.
 */
export async function runProjectionsWorker(port: MessagePort, setup: WorkerSetup): Promise<void> {
  const post = (message: FromWorker) => port.postMessage(message);
  const log = (message: string) => post({ type: 'log', level: 'log', message });
  const store = openEventStore(setup);
  // The deal summary reads stage names from the published pipelines, kept current here as in the API.
  const catalog = new PipelineDirectory();
  await catalog.start(store, (error) => post({ type: 'log', level: 'warn', message: `pipeline events subscription failed, resuming: ${describeError(error)}` }));
  const db = new ProjectionDatabase(join(setup.dataDir, 'projections.db'));
  // A batch's changes arrive on changes$ before onBatch reports its commit.
  const pending = new Map<string, LoggedChange[]>();
  const runner = new ProjectionRunner(store, db, projectionsFor(catalog), {
    log,
    // The feed hands the catalog each pipeline event before the deals after it are folded: a deal
    // opened on a version published a moment before never meets a catalog without it.
    alsoRead: PIPELINE_STREAMS,
    beforeBatch: (events) => events.forEach((event) => catalog.apply(event)),
    onBatch: (projection, position) => {
      post({ type: 'batch', projection, position, changes: pending.get(projection) ?? [] });
      pending.delete(projection);
    },
  });
  runner.changes$.subscribe((change) => {
    const list = pending.get(change.projection);
    if (list) list.push(change);
    else pending.set(change.projection, [change]);
  });

  const answer = async (id: number, call: WorkerCall) => {
    try {
      const result = await perform(runner, call, (progress) => post({ type: 'progress', id, progress }));
      post({ type: 'reply', id, result });
    } catch (error) {
      post({ type: 'reply', id, error: serialiseError(error) });
    }
  };
  const stop = async () => {
    await runner.stop();
    await catalog.stop();
    await store.close();
    db.close();
    port.close();
  };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'wake') {
      if (store instanceof SqliteEventStore) store.wakeSubscriptions();
    } else if (message.type === 'call') {
      void answer(message.id, message.call);
    } else if (message.type === 'stop') {
      void stop();
    }
  });
  await runner.start();
  post({ type: 'ready', threadId });
}

function perform(runner: ProjectionRunner, call: WorkerCall, onProgress: Parameters<ProjectionRunner['rebuild']>[1]): Promise<unknown> | unknown {
  switch (call.method) {
    case 'status':
      return runner.status();
    case 'rebuild':
      return runner.rebuild(call.name, onProgress);
    case 'prune':
      return runner.pruneChangesThrough(call.changeId);
  }
}

const data = workerData as { role?: string; setup?: WorkerSetup } | undefined;
if (parentPort && data?.role === PROJECTIONS_WORKER_ROLE && data.setup) {
  const port = parentPort;
  runProjectionsWorker(port, data.setup).catch((error) => {
    // An exit the API thread sees: it reports it and starts the worker again.
    port.postMessage({ type: 'log', level: 'warn', message: `projections worker failed: ${describeError(error)}` } satisfies FromWorker);
    process.exit(1);
  });
}
