import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { ApiConfig } from './config/api-config';
import { mountApiDocs } from './openapi/openapi';
import { createValidationPipe } from './validation/validation.pipe';

/** Builds the HTTP application; shared by main.ts and the tests so both run the same stack. */
export async function createApp(config: ApiConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: options.logger ?? ['log', 'warn', 'error'],
  });
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  // GET /openapi.json and the UI at /docs, public; the document is built on first request.
  mountApiDocs(app);
  return app;
}
