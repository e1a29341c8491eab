import { DEFAULT_OPERATIONS_SETTINGS, operationsSettingsFromEnv, operationsSettingsOf } from './operations-settings';

describe('operations settings from the environment', () => {
  it('takes the defaults when nothing is set: info, JSON, no metrics port, lag 10000, 10 s grace, no pruning', () => {
    expect(operationsSettingsOf({ operations: operationsSettingsFromEnv({}) })).toEqual({ ...DEFAULT_OPERATIONS_SETTINGS, prettyLogs: false });
    expect(DEFAULT_OPERATIONS_SETTINGS).toMatchObject({ logLevel: 'info', metricsHost: '127.0.0.1', readyMaxProjectionLag: 10_000, shutdownGraceMs: 10_000 });
  });

  it('logs warnings only under tests, readable in development, and reads Nest\'s level names too', () => {
    expect(operationsSettingsFromEnv({ NODE_ENV: 'test' }).logLevel).toBe('warn');
    expect(operationsSettingsFromEnv({ NODE_ENV: 'test', LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(operationsSettingsFromEnv({ NODE_ENV: 'development' }).prettyLogs).toBe(true);
    expect(operationsSettingsFromEnv({ LOG_LEVEL: 'log' }).logLevel).toBe('info');
    expect(operationsSettingsFromEnv({ LOG_LEVEL: 'verbose' }).logLevel).toBe('trace');
    expect(() => operationsSettingsFromEnv({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"');
  });

  it('reads the metrics listener, readiness, grace and retention, and stops on a bad number', () => {
    expect(operationsSettingsFromEnv({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', READY_MAX_PROJECTION_LAG: '500', SHUTDOWN_GRACE_MS: '0', CHANGE_LOG_RETENTION_HOURS: '24' }))
      .toMatchObject({ metricsPort: 9464, metricsHost: '0.0.0.0', readyMaxProjectionLag: 500, shutdownGraceMs: 0, changeLogRetentionHours: 24 });
    expect(() => operationsSettingsFromEnv({ METRICS_PORT: '70000' })).toThrow('METRICS_PORT must be a whole number from 0 to 65535, got "70000"');
    expect(() => operationsSettingsFromEnv({ READY_MAX_PROJECTION_LAG: '0' })).toThrow('READY_MAX_PROJECTION_LAG');
    expect(() => operationsSettingsFromEnv({ CHANGE_LOG_RETENTION_HOURS: '1.5' })).toThrow('CHANGE_LOG_RETENTION_HOURS');
  });
});
