import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RelayStatus } from '@deals/kafka-relay';
import { RelayMetrics } from './relay-metrics';

// The relay gauges the Grafana dashboard and the alerts ask for exist in the standalone relay
// process too, and Prometheus scrapes it.

const MONITORING = join(__dirname, '..', '..', '..', '..', 'deploy', 'monitoring');

const status = (state: RelayStatus['state']): RelayStatus => ({ state, topic: 'deal-lifecycle.v1', checkpointPosition: 40 });

describe('the relay process\'s metrics', () => {
  it('registers every deals_relay_ metric the dashboard and the alerts name', () => {
    const asked = new Set([
      ...readFileSync(join(MONITORING, 'grafana', 'dashboards', 'deal-engine.json'), 'utf8').matchAll(/\bdeals_relay_[a-z_]+/g),
      ...readFileSync(join(MONITORING, 'alerts.yml'), 'utf8').matchAll(/\bdeals_relay_[a-z_]+/g),
    ].map((m) => m[0]));
    const registered = new RelayMetrics(() => status('running'), async () => 50).registry.getMetricsAsArray().map((m) => m.name);
    expect(asked.size).toBeGreaterThanOrEqual(2);
    expect([...asked].filter((name) => !registered.includes(name))).toEqual([]);
  });

  it('reads position, lag and stall from the relay and the store when scraped', async () => {
    let state: RelayStatus['state'] = 'running';
    const metrics = new RelayMetrics(() => status(state), async () => 50);
    const first = await metrics.registry.metrics();
    expect(first).toContain('deals_relay_position 40');
    expect(first).toContain('deals_relay_lag 10');
    expect(first).toContain('deals_relay_stalled 0');
    state = 'stalled';
    expect(await metrics.registry.metrics()).toContain('deals_relay_stalled 1');
  });

  it('is scraped by the Prometheus of deploy/', () => {
    expect(readFileSync(join(MONITORING, 'prometheus.yml'), 'utf8')).toMatch(/job_name: kafka-relay\s+static_configs:\s+- targets: \['kafka-relay:8081'\]/);
  });
});
