import 'reflect-metadata';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { createApp } from './bootstrap';
import { apiConfigFromEnv } from './config/api-config';
import { demoDataSummary } from './demo/demo-loader.service';

async function main(): Promise<void> {
  const config = apiConfigFromEnv();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  const demo = await demoDataSummary(app.get<EventStore>(EVENT_STORE));
  const lines = [
    '',
    `Deal API ready at ${url}  (${config.eventStoreConnectionString ? 'EventStoreDB' : `embedded store: ${config.dataDir}`})`,
    `  Health:    curl ${url}/health`,
  ];
  if (demo) {
    lines.push(
      `  Demo data: ${demo.deals} deals. Look at one, as a manager:`,
      `    curl -H 'X-Actor-Id: maria.manager' -H 'X-Actor-Roles: manager' ${url}/deals/${demo.sampleDealIds[0]}`,
      `    curl -H 'X-Actor-Id: maria.manager' -H 'X-Actor-Roles: manager' ${url}/deals/${demo.sampleDealIds[0]}/events`,
    );
  }
  lines.push('  API reference: docs/api.md', '');
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
