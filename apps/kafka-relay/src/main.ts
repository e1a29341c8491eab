import 'reflect-metadata';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { relayConfigFromEnv } from '@deals/kafka-relay';
import { relayHealthConfigFromEnv } from './health/relay-health.config';
import { RelayAppModule } from './relay-app.module';

const LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** LOG_LEVEL=debug also logs every published batch. */
function logLevels(level = process.env.LOG_LEVEL ?? 'log'): LogLevel[] {
  // The API's (pino's) names too, so one LOG_LEVEL serves both processes.
  const index = LEVELS.indexOf(({ info: 'log', trace: 'verbose' } as Record<string, LogLevel>)[level] ?? (level as LogLevel));
  if (index < 0) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${level}"`);
  return LEVELS.slice(0, index + 1);
}

async function main(): Promise<void> {
  const config = relayConfigFromEnv();
  const app = await NestFactory.createApplicationContext(RelayAppModule.forRoot(config, relayHealthConfigFromEnv()), { logger: logLevels() });
  // After the relay has stopped and the store closed, exit 0 (not by re-raising the signal).
  app.enableShutdownHooks([], { useProcessExit: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
