import { relayHealthConfigFromEnv } from './relay-health.config';

describe('relayHealthConfigFromEnv', () => {
  it('answers on 8081 on every interface unless told otherwise', () => {
    expect(relayHealthConfigFromEnv({})).toEqual({ port: 8081, host: '0.0.0.0' });
    expect(relayHealthConfigFromEnv({ RELAY_HEALTH_PORT: '0', RELAY_HEALTH_HOST: '127.0.0.1' })).toEqual({ port: 0, host: '127.0.0.1' });
  });

  it('can be switched off', () => {
    expect(relayHealthConfigFromEnv({ RELAY_HEALTH_PORT: 'off' })).toBeUndefined();
  });

  it.each(['-1', '65536', 'http', '80.5'])('refuses port %s', (port) => {
    expect(() => relayHealthConfigFromEnv({ RELAY_HEALTH_PORT: port })).toThrow(`RELAY_HEALTH_PORT must be a port from 0 to 65535 or "off", got "${port}"`);
  });
});
