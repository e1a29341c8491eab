import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { DestinationStream } from 'pino';
import { preparePrivateDataDir } from '@deals/event-store';
import { AppModule } from './app.module';
import { accountSettingsOf } from './config/account-settings';
import { ApiConfig } from './config/api-config';
import { mountApiDocs } from './openapi/openapi';
import { installRequestDoor } from './security/request-door';
import { createValidationPipe } from './validation/validation.pipe';

// Tools that start the application (the benchmark) reach the projections through it.
export { ProjectionHost } from './projections/projection-host';

/** Builds the HTTP application; shared by main.ts and the tests so both run the same stack. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface CreateAppOptions {
  /** `false`: no logs (unless `logDestination` is given). */
  readonly logger?: false;
  /** Where the JSON log lines go instead of stdout (tests read them). */
  readonly logDestination?: DestinationStream;
}

export async function createApp(config: ApiConfig, options: CreateAppOptions = {}): Promise<INestApplication> {
  // Before any module opens a file in it: the folder 0700, what is in it 0600 (also files from before).
  if (config.dataDir !== ':memory:') preparePrivateDataDir(config.dataDir);
  const silent = options.logger === false && !options.logDestination;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, { destination: options.logDestination, silent }), {
    // Held until pino takes over below, so Nest's own lines are JSON too.
    bufferLogs: true,
    // The door parses bodies itself, JSON only; Nest's defaults would also take form bodies.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // Nest flushes the buffer only at listen(); tests that only init() log from now on too.
  app.flushLogs();
  installRequestDoor(app);
  // The dashboard's session cookie (auth/accounts/session-cookie.ts); unsigned: its value is a random token looked up by hash.
  app.use(cookieParser());
  // Behind a reverse proxy only: the client's address and https come from X-Forwarded-For / -Proto.
  if (accountSettingsOf(config).trustProxy) app.set('trust proxy', true);
  app.useGlobalPipes(createValidationPipe());
  // SIGTERM/SIGINT: operations/graceful-shutdown.ts, the modules' hooks, then exit 0.
  app.enableShutdownHooks([], { useProcessExit: true });
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
