import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { createValidationPipe } from '../../apps/deal-api/src/validation/validation.pipe';
import { NestCommandModule } from './nest-command.module';

export type NestAdapterName = 'express' | 'fastify';

/** As the API's (apps/deal-api/src/bootstrap.ts, not imported: it would load the whole AppModule). */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * The API's deal command routes (nest-command.module.ts) on Nest's Express or Fastify adapter,
 * chosen by the job's `adapter`, with the API's global validation pipe; bodies are parsed by the
 * adapter's own JSON parser (the API's request door is Express middleware, left out on both).
 * On a store in `dataDir` whose users are registered beforehand. Reports its port over IPC.
 */
async function main(): Promise<void> {
  const job = JSON.parse(process.env.BENCH_JOB ?? '{}') as { dataDir: string; secret: string; adapter: NestAdapterName };
  const config = { host: '127.0.0.1', port: 0, dataDir: job.dataDir, demoData: false, authTokenSecret: job.secret };
  const module = NestCommandModule.forRoot(config);
  const app: INestApplication = job.adapter === 'fastify'
    ? await NestFactory.create(module, new FastifyAdapter({ keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS }), { logger: false })
    : await NestFactory.create(module, new ExpressAdapter(), { logger: false });
  app.useGlobalPipes(createValidationPipe());
  if (job.adapter !== 'fastify') {
    (app as NestExpressApplication).disable('x-powered-by');
    const server = app.getHttpServer() as { keepAliveTimeout: number; headersTimeout: number };
    server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  }
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as { address(): { port: number } }).address();
  process.on('message', (m: { stop?: boolean }) => {
    if (!m?.stop) return;
    void app.close().finally(() => process.exit(0));
  });
  process.send?.({ port: address.port });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
