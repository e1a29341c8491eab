import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiMetrics } from './api-metrics';

// deploy/monitoring: the Grafana dashboard and the Prometheus alerts ask only for metrics the API
// registers, and group only by labels those metrics have (a renamed metric fails here, not on a
// dashboard that silently goes blank).

const MONITORING = join(__dirname, '..', '..', '..', '..', 'deploy', 'monitoring');

interface Dashboard { panels: { title: string; targets: { expr: string }[] }[] }

function expressions(): { where: string; expr: string }[] {
  const dashboard = JSON.parse(readFileSync(join(MONITORING, 'grafana', 'dashboards', 'deal-engine.json'), 'utf8')) as Dashboard;
  const fromDashboard = dashboard.panels.flatMap((p) => p.targets.map((t) => ({ where: `panel "${p.title}"`, expr: t.expr })));
  const fromAlerts = [...readFileSync(join(MONITORING, 'alerts.yml'), 'utf8').matchAll(/^\s*- alert: (\w+)\n\s*expr: (.+)$/gm)]
    .map((m) => ({ where: `alert ${m[1]}`, expr: m[2] }));
  return [...fromDashboard, ...fromAlerts];
}

describe('deploy/monitoring against the metrics the API registers', () => {
  const metrics = new ApiMetrics().registry.getMetricsAsArray() as unknown as { name: string; labelNames?: string[]; constructor: { name: string } }[];
  const byName = new Map<string, { labels: readonly string[] }>();
  for (const m of metrics) {
    const labels = m.labelNames ?? [];
    byName.set(m.name, { labels });
    if (m.constructor.name === 'Histogram') {
      for (const suffix of ['_bucket', '_count', '_sum']) byName.set(`${m.name}${suffix}`, { labels: [...labels, ...(suffix === '_bucket' ? ['le'] : [])] });
    }
  }

  it('finds the dashboard panels and the alerts', () => {
    const all = expressions();
    expect(all.filter((e) => e.where.startsWith('panel')).length).toBeGreaterThanOrEqual(10);
    expect(all.filter((e) => e.where.startsWith('alert')).length).toBeGreaterThanOrEqual(5);
  });

  it('names only registered metrics', () => {
    const unknown = expressions().flatMap(({ where, expr }) =>
      [...expr.matchAll(/\b((?:deals|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1]).filter((name) => !byName.has(name)).map((name) => `${where}: ${name}`));
    expect(unknown).toEqual([]);
  });

  it('groups and filters the deals_ metrics only by labels they have (or the scrape target, instance)', () => {
    const wrong = expressions().flatMap(({ where, expr }) => {
      const names = [...expr.matchAll(/\b(deals_[a-z0-9_]+)\b/g)].map((m) => m[1]);
      const labels = new Set(names.flatMap((n) => byName.get(n)?.labels ?? []).concat(['instance']));
      const used = [
        ...[...expr.matchAll(/by \(([^)]*)\)/g)].flatMap((m) => m[1].split(',').map((l) => l.trim())),
        ...[...expr.matchAll(/\{(\w+)=/g)].map((m) => m[1]),
      ];
      return used.filter((l) => !labels.has(l)).map((l) => `${where}: ${l}`);
    });
    expect(wrong).toEqual([]);
  });
});
