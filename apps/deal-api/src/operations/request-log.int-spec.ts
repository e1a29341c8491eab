import { Writable } from 'node:stream';
import request from 'supertest';
import { Logger } from '@nestjs/common';
import { ADMIN, createTestApp, openAcme, REP, TestApp } from '../testing/test-app';

const PASSWORD = 'correct horse battery staple';

/** Every line the app writes, as text, split on newlines. */
class Lines extends Writable {
  readonly lines: string[] = [];
  private rest = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    const text = this.rest + chunk.toString();
    const parts = text.split('\n');
    this.rest = parts.pop() ?? '';
    this.lines.push(...parts.filter((l) => l.length > 0));
    done();
  }
}

async function until<T>(read: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('request logs (real HTTP, captured JSON lines)', () => {
  const out = new Lines();
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(':memory:', { operations: { logLevel: 'info' } }, { logDestination: out });
  });
  afterAll(() => t.close());

  it('writes one JSON line per request with route pattern, status, duration, actor and correlation id, and never a secret', async () => {
    const server = t.app.getHttpServer();
    // A person with a password: an invitation link, the password set with it, a sign-in.
    await t.registerUser({ id: 'lou.logs', roles: ['rep'] });
    const link = await t.as(ADMIN).post('/users/lou.logs/invitation', {}).expect(201);
    await request(server).post('/auth/password').send({ userId: 'lou.logs', token: link.body.token, password: PASSWORD }).expect(200);
    const signIn = await request(server).post('/auth/sign-in').set('X-Correlation-Id', 'corr-sign-in-1').send({ userId: 'lou.logs', password: PASSWORD }).expect(200);
    const cookie = ([] as string[]).concat(signIn.headers['set-cookie'] ?? [])[0].split(';')[0];
    await request(server).get('/auth/session').set('Cookie', cookie).expect(200);
    const dealId = await openAcme(t);
    const bearer = t.headersOf(REP).Authorization;
    await t.as(REP).get(`/deals/${dealId}`).set('X-Correlation-Id', 'corr-read-1').expect(200);
    await t.as(REP).get('/deals/not-a-uuid').expect(400);
    new Logger('SomeService').log('a line through Nest\'s logger');

    const parsed = await until(() => {
      const all = out.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      return all.some((l) => l.msg === 'a line through Nest\'s logger') && all.some((l) => l.route === '/deals/:dealId' && l.status === 400) ? all : undefined;
    }, `the request lines in:\n${out.lines.join('\n')}`);

    const read = parsed.find((l) => l.route === '/deals/:dealId' && l.status === 200)!;
    expect(read).toMatchObject({ level: 'info', method: 'GET', route: '/deals/:dealId', status: 200, actorId: REP.id, correlationId: 'corr-read-1' });
    expect(typeof read.durationMs).toBe('number');
    expect(typeof read.time).toBe('string');
    expect(parsed.find((l) => l.route === '/auth/sign-in')).toMatchObject({ method: 'POST', status: 200, correlationId: 'corr-sign-in-1' });
    expect(parsed.find((l) => l.route === '/auth/session')).toMatchObject({ method: 'GET', status: 200, actorId: 'lou.logs' });
    // Without X-Correlation-Id, each request gets an id of its own.
    const open = parsed.find((l) => l.route === '/deals' && l.method === 'POST')!;
    expect(open).toMatchObject({ status: 201, actorId: REP.id, correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(parsed.find((l) => l.msg === 'a line through Nest\'s logger')).toMatchObject({ level: 'info', context: 'SomeService' });
    // Nothing raw: no URL with its ids, no headers, no body.
    for (const line of parsed) {
      expect(line).not.toHaveProperty('req');
      expect(line).not.toHaveProperty('res');
      expect(line).not.toHaveProperty('url');
    }
    const text = out.lines.join('\n');
    const session = cookie.split('=')[1];
    for (const secret of [PASSWORD, link.body.token, bearer.slice('Bearer '.length), session, signIn.body.csrfToken, link.body.url, dealId]) {
      expect(typeof secret).toBe('string');
      expect({ secret, logged: text.includes(secret) }).toEqual({ secret, logged: false });
    }
  }, 30_000);
});
