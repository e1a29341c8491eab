import { createApp } from '../../apps/deal-api/src/bootstrap';

/**
 * The real application on a durable store in the given folder, for the live-latency and soak
 * figures; PROJECTIONS_THREAD picks where the projections fold, as for the API. Reports its port over IPC, and its memory when asked (`{ memory: true }`), so the
 * product needs no endpoint for it.
 */
async function main(): Promise<void> {
  const job = JSON.parse(process.env.BENCH_JOB ?? '{}') as { dataDir: string; secret: string };
  const app = await createApp({ host: '127.0.0.1', port: 0, dataDir: job.dataDir, demoData: false, authTokenSecret: job.secret, projectionsThread: process.env.PROJECTIONS_THREAD === 'worker' ? 'worker' : 'main' }, { logger: false });
  await app.listen(0, '127.0.0.1');
  const port = Number(new URL((await app.getUrl()).replace('[::1]', '127.0.0.1')).port);
  process.on('message', (m: { stop?: boolean; memory?: boolean }) => {
    if (m?.memory) {
      // Started with --expose-gc (the soak): heap used then counts live objects only.
      (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      process.send?.({ memory: { rss, heapUsed } });
    }
    if (!m?.stop) return;
    void app.close().finally(() => process.exit(0));
  });
  process.send?.({ port });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
