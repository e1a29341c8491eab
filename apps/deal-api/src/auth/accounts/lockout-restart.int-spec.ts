import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ADMIN, createTestApp, TestApp } from '../../testing/test-app';

const PASSWORD = 'correct horse battery staple';

describe('sign-in lockout across a restart (real SQLite file, HTTP)', () => {
  let dir: string;
  let t: TestApp | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lockout-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const start = () => createTestApp(dir, { accounts: { lockoutAttempts: 3, addressAttempts: 1000 } });
  const signIn = (app: TestApp, userId: string, password: string) =>
    request(app.app.getHttpServer()).post('/auth/sign-in').send({ userId, password });

  it('a user id locked before a restart is still locked after it; failures short of the limit still count', async () => {
    t = await start();
    for (const id of ['lena.locked', 'fay.fewer']) {
      await t.registerUser({ id, roles: ['rep'] });
      const link = await t.as(ADMIN).post(`/users/${id}/invitation`, {}).expect(201);
      await t.withHeaders({}).post('/auth/password', { userId: id, token: link.body.token, password: PASSWORD }).expect(200);
    }
    for (let i = 0; i < 3; i++) await signIn(t, 'lena.locked', 'wrong password here');
    expect((await signIn(t, 'lena.locked', PASSWORD)).status).toBe(429);
    for (let i = 0; i < 2; i++) expect((await signIn(t, 'fay.fewer', 'wrong password here')).status).toBe(401);
    await t.close();

    t = await start();
    const locked = await signIn(t, 'lena.locked', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('AUTH.SIGN_IN_LOCKED');
    // The third failure in the window locks, although two of them were before the restart.
    expect((await signIn(t, 'fay.fewer', 'wrong password here')).status).toBe(429);
  });

  it('a successful sign-in before the restart cleared the count', async () => {
    await t!.registerUser({ id: 'sue.success', roles: ['rep'] });
    const link = await t!.as(ADMIN).post('/users/sue.success/invitation', {}).expect(201);
    await t!.withHeaders({}).post('/auth/password', { userId: 'sue.success', token: link.body.token, password: PASSWORD }).expect(200);
    for (let i = 0; i < 2; i++) await signIn(t!, 'sue.success', 'wrong password here');
    expect((await signIn(t!, 'sue.success', PASSWORD)).status).toBe(200);
    await t!.close();
    t = await start();
    for (let i = 0; i < 2; i++) expect((await signIn(t, 'sue.success', 'wrong password here')).status).toBe(401);
  });
});
