import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveAuthSecret } from './auth-secret';

describe('the token signing secret (real files)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'auth-secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is made once in <dataDir>/auth-secret, readable by its owner only, and reused', () => {
    const first = resolveAuthSecret({ dataDir: dir });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, 'auth-secret')).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret({ dataDir: dir })).toBe(first);
    expect(readFileSync(join(dir, 'auth-secret'), 'utf8').trim()).toBe(first);
  });

  it('prefers AUTH_TOKEN_SECRET and refuses a short one', () => {
    const secret = 'x'.repeat(32);
    expect(resolveAuthSecret({ dataDir: dir, authTokenSecret: secret })).toBe(secret);
    expect(() => resolveAuthSecret({ dataDir: dir, authTokenSecret: 'short' })).toThrow('at least 32');
  });

  it('is random per process for an in-memory store', () => {
    expect(resolveAuthSecret({ dataDir: ':memory:' })).not.toBe(resolveAuthSecret({ dataDir: ':memory:' }));
  });
});
