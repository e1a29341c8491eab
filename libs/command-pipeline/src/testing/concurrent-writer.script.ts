// Records `count` facts on one deal through the real command path, as one of several processes.
import { randomUUID } from 'node:crypto';
import { createDealDecider } from '@deals/domain';
import { SqliteEventStore } from '@deals/event-store';
import { handleCommand } from '../handle-command';
import { StreamStateCache } from '../aggregate-stream';

async function main(): Promise<void> {
  const [path, dealId, writer, count] = process.argv.slice(2);
  const store = new SqliteEventStore({ path });
  const decider = createDealDecider();
  const actor = { id: 'ana.ae', roles: ['rep'] };
  // Each process keeps its own folded deal and must still see the other processes' writes.
  const cache = new StreamStateCache();
  for (let i = 0; i < Number(count); i++) {
    const command = {
      type: 'RecordContactMade' as const,
      data: { channel: 'email', evidence: { kind: 'email' as const, ref: `<${writer}-${i}@x>` } },
      metadata: { commandId: randomUUID(), actor, now: new Date().toISOString() },
    };
    await handleCommand(store, decider, `deal-${dealId}`, command, { maxAttempts: 1000, cache });
  }
  await store.close();
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(String(e));
    process.exit(1);
  },
);
