import { resolve } from 'node:path';
import { ControlLimits, controlLimitsFromEnv, DealDeskPolicy } from '@deals/domain';
import { LiveFeedLimits, liveFeedLimitsFromEnv } from '../projections/live/live-feed-limits';
import { AccountSettings, accountSettingsFromEnv } from './account-settings';
import { dealDeskPolicyFromEnv } from './deal-desk-settings';
import { OidcSettings, oidcSettingsFromEnv } from './oidc-settings';
import { OperationsSettings, operationsSettingsFromEnv } from './operations-settings';

export interface ApiConfig {
  readonly host: string;
  readonly port: number;
  /** Folder of the embedded store; `:memory:` keeps everything in memory (tests). */
  readonly dataDir: string;
  /** Load the demo data set when the store is empty. */
  readonly demoData: boolean;
  /** Run the Kafka relay inside the API process (KAFKA_RELAY_EMBEDDED=true; needs KAFKA_BROKERS). */
  readonly embeddedRelay?: boolean;
  /** When set, events live in EventStoreDB/KurrentDB instead of the embedded store. */
  readonly eventStoreConnectionString?: string;
  /** Signs and checks bearer tokens (AUTH_TOKEN_SECRET); absent: a secret kept in `<dataDir>/auth-secret`. Never log it. */
  readonly authTokenSecret?: string;
  /** What one live-feed subscriber may cost (LIVE_* variables); unset ones take the defaults. */
  readonly liveFeed?: Partial<LiveFeedLimits>;
  /** Thresholds of the compensation controls (CONTROL_* variables); absent: the defaults. */
  readonly controls?: ControlLimits;
  /** When agreed terms wait for a manager (CONTROL_MAX_DISCOUNT_PERCENT, CONTROL_MAX_PAYMENT_DAYS, CONTROL_DEAL_DESK_FILE); absent: the defaults. */
  readonly dealDesk?: DealDeskPolicy;
  /** Sessions, links and sign-in throttling (AUTH_SESSION_HOURS, AUTH_LINK_HOURS, AUTH_LOCKOUT_*, TRUST_PROXY, PUBLIC_URL); unset ones take the defaults. */
  readonly accounts?: Partial<AccountSettings>;
  /** Single sign-on with an OpenID provider (OIDC_* variables); absent: off. */
  readonly oidc?: OidcSettings;
  /** Give the demo users a password (printed in the start banner); never when NODE_ENV=production. */
  readonly demoPasswords?: boolean;
  /** Logs, metrics, readiness, shutdown, change-log retention (LOG_LEVEL, METRICS_*, READY_MAX_PROJECTION_LAG, SHUTDOWN_GRACE_MS, CHANGE_LOG_RETENTION_HOURS); unset ones take the defaults. */
  readonly operations?: Partial<OperationsSettings>;
  /** Where the projections fold (PROJECTIONS_THREAD): `main` (default) on the request loop, `worker` on a thread of their own; an in-memory store always folds on `main`. */
  readonly projectionsThread?: ProjectionsThread;
}

export type ProjectionsThread = 'main' | 'worker';

/**
 * PROJECTIONS_THREAD: unset or `main` = the request loop; `worker` = a worker thread. On two cores
 * the worker gained no commands/s and held the in-memory read models twice (docs/benchmarks.md).
 */
export function projectionsThreadFromEnv(value: string | undefined): ProjectionsThread {
  if (value === undefined || value === '' || value === 'main') return 'main';
  if (value === 'worker') return 'worker';
  throw new Error(`PROJECTIONS_THREAD must be "worker" or "main", got "${value}"`);
}

export const API_CONFIG = Symbol('API_CONFIG');

export function apiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`);
  }
  const dataDir = env.DATA_DIR ?? './data';
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: dataDir === ':memory:' ? dataDir : resolve(dataDir),
    demoData: (env.DEMO_DATA ?? 'false') === 'true',
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || undefined,
    embeddedRelay: env.KAFKA_RELAY_EMBEDDED === 'true',
    authTokenSecret: env.AUTH_TOKEN_SECRET || undefined,
    liveFeed: liveFeedLimitsFromEnv(env),
    controls: controlLimitsFromEnv(env),
    dealDesk: dealDeskPolicyFromEnv(env),
    accounts: accountSettingsFromEnv(env),
    oidc: oidcSettingsFromEnv(env),
    demoPasswords: env.NODE_ENV !== 'production',
    operations: operationsSettingsFromEnv(env),
    projectionsThread: projectionsThreadFromEnv(env.PROJECTIONS_THREAD),
  };
}
