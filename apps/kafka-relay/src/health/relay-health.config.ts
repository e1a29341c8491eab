/** Where the relay process answers GET /health. */
export interface RelayHealthConfig {
  /** 0: any free port (logged). */
  readonly port: number;
  readonly host: string;
}

/** RELAY_HEALTH_PORT (default 8081; `off`: no endpoint) and RELAY_HEALTH_HOST (default all interfaces). */
export function relayHealthConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RelayHealthConfig | undefined {
  const raw = env.RELAY_HEALTH_PORT || '8081';
  if (raw === 'off') return undefined;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65_535) throw new Error(`RELAY_HEALTH_PORT must be a port from 0 to 65535 or "off", got "${raw}"`);
  return { port, host: env.RELAY_HEALTH_HOST || '0.0.0.0' };
}
