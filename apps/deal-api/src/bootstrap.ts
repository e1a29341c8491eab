import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { preparePrivateDataDir } from '@deals/event-store';
import { AppModule } from './app.module';
import { accountSettingsOf } from './config/account-settings';
import { ApiConfig } from './config/api-config';
import { mountApiDocs } from './openapi/openapi';
import { installRequestDoor } from './security/request-door';
import { createValidationPipe } from './validation/validation.pipe';

/** Builds the HTTP application; shared by main.ts and the tests so both run the same stack. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export async function createApp(config: ApiConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  // Before any module opens a file in it: the folder 0700, what is in it 0600 (also files from before).
  if (config.dataDir !== ':memory:') preparePrivateDataDir(config.dataDir);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: options.logger ?? ['log', 'warn', 'error'],
    // The door parses bodies itself, JSON only; Nest's defaults would also take form bodies.
    bodyParser: false,
  });
  installRequestDoor(app);
  // The dashboard's session cookie (auth/accounts/session-cookie.ts); unsigned: its value is a random token looked up by hash.
  app.use(cookieParser());
  // Behind a reverse proxy only: the client's address and https come from X-Forwarded-For / -Proto.
  if (accountSettingsOf(config).trustProxy) app.set('trust proxy', true);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  // Idle keep-alive connections outlive clients' and proxies' pools (Node's default is 5 s): a
  // client must never send a request on a socket the server is closing at that moment.
  const server = app.getHttpServer() as { keepAliveTimeout: number; headersTimeout: number };
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  // GET /openapi.json and the UI at /docs, public; the document is built on first request.
  mountApiDocs(app);
  return app;
}
