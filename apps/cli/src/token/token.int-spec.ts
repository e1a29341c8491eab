import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verify } from 'jsonwebtoken';
import { aggregateStream } from '@deals/command-pipeline';
import { createUserDecider, userStreamId } from '@deals/domain';
import { SqliteEventStore } from '@deals/event-store';
import { runCaptured, scratchDir } from '../testing/cli-harness';

describe('deals token (real files)', () => {
  let dir: { path: string; remove: () => void };
  beforeEach(() => (dir = scratchDir()));
  afterEach(() => dir.remove());
  const data = () => join(dir.path, 'data');

  it('registers the first admin once, and prints a 12-hour token signed with the data folder\'s secret', async () => {
    const first = await runCaptured(['--data-dir', data(), 'token', '--first-admin', 'boss.admin'], { cwd: dir.path });
    expect(first).toMatchObject({ code: 0, stderr: [] });
    const secret = readFileSync(join(data(), 'auth-secret'), 'utf8').trim();
    const claims = verify(first.stdout[0], secret, { algorithms: ['HS256'] }) as { sub: string; roles: string[]; iat: number; exp: number };
    expect(claims).toMatchObject({ sub: 'boss.admin', roles: ['admin'] });
    expect(claims.exp - claims.iat).toBe(12 * 3600);
    const store = new SqliteEventStore({ path: join(data(), 'events.db') });
    try {
      expect((await aggregateStream(store, userStreamId('boss.admin'), createUserDecider())).state).toMatchObject({ exists: true, roles: ['admin'] });
    } finally {
      await store.close();
    }
    const again = await runCaptured(['--data-dir', data(), 'token', '--first-admin', 'other.admin'], { cwd: dir.path });
    expect(again.code).toBe(1);
    expect(again.stderr.join('\n')).toContain('an admin exists already');
  });

  it('refuses a user who is not registered, and a store that is not there', async () => {
    expect((await runCaptured(['--data-dir', data(), 'token', 'nobody'], { cwd: dir.path })).stderr.join('\n')).toContain('no event store');
    await runCaptured(['--data-dir', data(), 'token', '--first-admin', 'boss.admin'], { cwd: dir.path });
    const ghost = await runCaptured(['--data-dir', data(), 'token', 'nobody'], { cwd: dir.path });
    expect(ghost).toMatchObject({ code: 1, stdout: [] });
    expect(ghost.stderr.join('\n')).toContain('nobody is not a registered user');
  });
});
