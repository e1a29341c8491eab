import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** HS256 wants a key at least as long as its 256-bit output. */
export const MIN_SECRET_LENGTH = 32;
export const SECRET_FILE = 'auth-secret';

/**
 * The token signing secret: AUTH_TOKEN_SECRET when set; otherwise a random 32-byte secret made
 * once in `<dataDir>/auth-secret` (mode 0600) so a fresh clone works without a committed secret;
 * with an in-memory store (tests) a random secret for this process only.
 */
export function resolveAuthSecret(config: { readonly dataDir: string; readonly authTokenSecret?: string }): string {
  if (config.authTokenSecret !== undefined) {
    if (config.authTokenSecret.length < MIN_SECRET_LENGTH) {
      throw new Error(`AUTH_TOKEN_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    return config.authTokenSecret;
  }
  if (config.dataDir === ':memory:') return randomBytes(32).toString('hex');
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, SECRET_FILE);
  createOnce(file);
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`${file} holds no usable secret; delete it to have a new one made (issued tokens stop working)`);
  }
  return secret;
}

/** Writes a complete file beside the target, then links it in: two processes starting together agree on one secret. */
function createOnce(file: string): void {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
}
