import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A database path in a fresh temporary directory, and a way to remove it. */
export function tempDatabase(): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-'));
  return { path: join(dir, 'events.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
