/** Logs, metrics, readiness, shutdown and change-log retention (docs/operations.md). */
export interface OperationsSettings {
  /** pino level (LOG_LEVEL): fatal, error, warn, info, debug, trace or silent. */
  readonly logLevel: string;
  /** Human-readable logs through pino-pretty (NODE_ENV=development); JSON lines otherwise. */
  readonly prettyLogs: boolean;
  /** The Prometheus endpoint's own port (METRICS_PORT); unset: no metrics listener. */
  readonly metricsPort?: number;
  /** Where the metrics listener binds (METRICS_HOST). */
  readonly metricsHost: string;
  /** /health/ready answers 503 while a projection is this many positions or more behind (READY_MAX_PROJECTION_LAG). */
  readonly readyMaxProjectionLag: number;
  /** How long a shutdown waits for requests in flight before closing their connections (SHUTDOWN_GRACE_MS). */
  readonly shutdownGraceMs: number;
  /** Prune live-feed change-log entries older than this (CHANGE_LOG_RETENTION_HOURS); unset: kept. */
  readonly changeLogRetentionHours?: number;
}

export const DEFAULT_OPERATIONS_SETTINGS: OperationsSettings = {
  logLevel: 'info',
  prettyLogs: false,
  metricsHost: '127.0.0.1',
  readyMaxProjectionLag: 10_000,
  shutdownGraceMs: 10_000,
};

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NEST_NAMES: Record<string, string> = { log: 'info', verbose: 'trace' };

export function operationsSettingsFromEnv(env: NodeJS.ProcessEnv): Partial<OperationsSettings> {
  const settings: { -readonly [K in keyof OperationsSettings]?: OperationsSettings[K] } = {};
  // Under tests (Jest sets NODE_ENV=test) only warnings and errors, so test output stays readable.
  if (!env.LOG_LEVEL && env.NODE_ENV === 'test') settings.logLevel = 'warn';
  if (env.LOG_LEVEL) {
    // Nest's names too (the relay's LOG_LEVEL), so one setting serves both processes.
    const level = NEST_NAMES[env.LOG_LEVEL] ?? env.LOG_LEVEL;
    if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
    settings.logLevel = level;
  }
  settings.prettyLogs = env.NODE_ENV === 'development';
  if (env.METRICS_PORT) settings.metricsPort = whole('METRICS_PORT', env.METRICS_PORT, 0, 65535);
  if (env.METRICS_HOST) settings.metricsHost = env.METRICS_HOST;
  if (env.READY_MAX_PROJECTION_LAG) settings.readyMaxProjectionLag = whole('READY_MAX_PROJECTION_LAG', env.READY_MAX_PROJECTION_LAG, 1);
  if (env.SHUTDOWN_GRACE_MS) settings.shutdownGraceMs = whole('SHUTDOWN_GRACE_MS', env.SHUTDOWN_GRACE_MS, 0);
  if (env.CHANGE_LOG_RETENTION_HOURS) settings.changeLogRetentionHours = whole('CHANGE_LOG_RETENTION_HOURS', env.CHANGE_LOG_RETENTION_HOURS, 1);
  return settings;
}

export function operationsSettingsOf(config: { readonly operations?: Partial<OperationsSettings> }): OperationsSettings {
  return { ...DEFAULT_OPERATIONS_SETTINGS, ...config.operations };
}

function whole(name: string, raw: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}
