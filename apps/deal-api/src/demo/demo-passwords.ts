import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiConfig } from '../config/api-config';

/** Beside the store, so every start of the same demo store prints the password its users have. */
export const DEMO_PASSWORD_FILE = 'demo-password';

let inMemory: string | undefined;

/**
 * The one password of every demo user: made at random once per store and kept in
 * `<dataDir>/demo-password` (0600). Demo data only, and never with NODE_ENV=production.
 */
export function demoPassword(config: Pick<ApiConfig, 'dataDir' | 'demoData' | 'demoPasswords'>): string | undefined {
  if (!config.demoData || !config.demoPasswords) return undefined;
  if (config.dataDir === ':memory:') return (inMemory ??= fresh());
  const file = join(config.dataDir, DEMO_PASSWORD_FILE);
  try {
    writeFileSync(file, `${fresh()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

const fresh = () => `demo-${randomBytes(12).toString('base64url')}`;
