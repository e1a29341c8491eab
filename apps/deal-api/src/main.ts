import 'reflect-metadata';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { createApp } from './bootstrap';
import { apiConfigFromEnv } from './config/api-config';
import { demoDataSummary } from './demo/demo-loader.service';
import { demoPassword } from './demo/demo-passwords';
import { MetricsServer } from './operations/metrics-server';

async function main(): Promise<void> {
  const config = apiConfigFromEnv();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  const demo = await demoDataSummary(app.get<EventStore>(EVENT_STORE));
  const password = demo ? demoPassword(config) : undefined;
  const lines = [
    '',
    `Deal API ready at ${url}  (${config.eventStoreConnectionString ? 'EventStoreDB' : `embedded store: ${config.dataDir}`})`,
    `  Dashboard: ${url}/app/   (sign in with a user id and password; an admin invites people: docs/security.md)`,
    ...(config.oidc ? [`  Single sign-on: "Sign in with ${config.oidc.providerName}" (${config.oidc.issuer}; redirect URI ${config.oidc.redirectUri})`] : []),
    `  API docs:  ${url}/docs   (OpenAPI: ${url}/openapi.json)`,
    `  Health:    curl ${url}/health/ready   (liveness: /health/live; docs/operations.md)`,
  ];
  const metrics = app.get(MetricsServer).url;
  if (metrics) lines.push(`  Metrics:   ${metrics}/metrics`);
  const auth = 'Authorization: Bearer $(npm run -s token -- maria.manager)';
  lines.push(
    '  Every request needs a bearer token (12 h) for a registered user:  npm run -s token -- <userId>',
    '    (no users yet? npm run -s token -- --first-admin <userId>, then POST /users; see docs/security.md)',
    `    curl -H "${auth}" ${url}/users/me`,
  );
  if (demo) {
    lines.push(
      `  Demo data: ${demo.deals} deals; users ana.ae, ben.ae, sam.se (reps), maria.manager, olga.ops, fiona.finance, ivan.impl, adam.admin, iris.integration.`,
      password
        ? `  Demo sign-in (DEMO ONLY, made for this store, ${config.dataDir === ':memory:' ? 'this process only' : `kept in ${config.dataDir}/demo-password`}): any demo user, password  ${password}`
        : '  Demo users have no password (NODE_ENV=production): an admin invites them (POST /users/:userId/invitation).',
      '  Look at a deal, as a manager:',
      `    curl -H "${auth}" ${url}/deals/${demo.sampleDealIds[0]}`,
      `    curl -H "${auth}" ${url}/deals/${demo.sampleDealIds[0]}/events`,
    );
  }
  lines.push('  Reference: docs/api.md; access and tokens: docs/security.md; dashboard: docs/dashboard.md', '');
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
