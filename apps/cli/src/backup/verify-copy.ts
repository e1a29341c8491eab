import { SqliteEventStore, verifyIntegrity } from '@deals/event-store';
import { CliContext } from '../cli-context';
import { describeReport } from '../verify/verify.command';

/** Checks every hash chain of the store file at `path` (as `deals verify` does); exit 1 when broken. */
export async function verifyCopy(ctx: CliContext, path: string, what: string): Promise<boolean> {
  const store = new SqliteEventStore({ path });
  try {
    const report = await verifyIntegrity(store, { contiguousPositions: true });
    for (const line of describeReport(report)) (report.ok ? ctx.io.out : ctx.io.err)(`${what}: ${line}`);
    if (!report.ok) ctx.exit(1);
    return report.ok;
  } finally {
    await store.close();
  }
}
