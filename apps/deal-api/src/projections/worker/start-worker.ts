import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROJECTIONS_WORKER_ROLE, WorkerSetup } from './worker-messages';

/**
 * Starts the projections worker from the build (dist/apps/deal-api/projections-worker.js, a webpack
 * entry of its own: apps/deal-api/webpack.config.js) or, when the API runs from source (Jest, the
 * benchmark's ts-node), from projections.worker.ts compiled as the benchmark does: ts-node with SWC
 * and the @deals/* paths of tsconfig.json.
 */
export function startProjectionsWorker(setup: WorkerSetup): Worker {
  const workerData = { role: PROJECTIONS_WORKER_ROLE, setup };
  if (!__filename.endsWith('.ts')) return new Worker(join(__dirname, 'projections-worker.js'), { workerData });
  const root = resolve(__dirname, '..', '..', '..', '..', '..');
  // Resolved here: an evaluated worker resolves bare names from the working directory.
  const local = createRequire(join(root, 'package.json'));
  const source = [
    `require(${JSON.stringify(local.resolve('ts-node'))}).register({ swc: true, project: ${JSON.stringify(join(root, 'tsconfig.json'))} });`,
    `const paths = require(${JSON.stringify(local.resolve('tsconfig-paths'))}); const config = paths.loadConfig(${JSON.stringify(root)});`,
    'paths.register({ baseUrl: config.absoluteBaseUrl, paths: config.paths });',
    `require(${JSON.stringify(join(__dirname, 'projections.worker.ts'))});`,
  ].join('\n');
  return new Worker(source, { eval: true, workerData });
}
