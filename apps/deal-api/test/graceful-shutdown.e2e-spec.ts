import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@deals/event-store';
import { BROKER_START_TIMEOUT_MS, testKafkaBrokers } from '../../../deploy/kafka/testing/test-broker';
import { registerUsers } from '@deals/seed';
import { tokenFor } from '../src/testing/api-process';
import { SseClient } from '../src/testing/sse-client';

const root = join(__dirname, '..', '..', '..');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// `npm run start:prod` as an orchestrator runs it: SIGTERM goes to npm, which must reach node.
describe('graceful shutdown of the built API started with npm run start:prod', () => {
  const secret = randomBytes(32).toString('hex');
  let dir: string;
  let npm: ChildProcess;
  let output = '';

  beforeAll(async () => {
    execFileSync('npx', ['nest', 'build', 'deal-api'], { cwd: root, stdio: 'ignore' });
    dir = mkdtempSync(join(tmpdir(), 'graceful-shutdown-'));
    const store = new SqliteEventStore({ path: join(dir, 'events.db') });
    await registerUsers(store, [{ id: 'ana.ae', roles: ['rep'] }, { id: 'olga.ops', roles: ['sales-ops'] }]);
    await store.close();
  }, 300_000);
  afterAll(() => {
    if (npm?.pid && alive(npm.pid)) npm.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops accepting, answers the commands in flight, closes live feeds with a retry delay, and node exits 0 with npm', async () => {
    npm = spawn('npm', ['run', 'start:prod'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0', AUTH_TOKEN_SECRET: secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    npm.stdout!.on('data', (d) => (output += d));
    npm.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
    await until(() => /Deal API ready at (http:\S+)/.test(output), `the API to start:\n${output}`, 60_000);
    const url = /Deal API ready at (http:\S+)/.exec(output)![1];
    // The node process is the one writing the JSON lines (npm's own pid is another).
    const nodePid = (JSON.parse(output.split('\n').find((l) => l.startsWith('{'))!) as { pid: number }).pid;
    expect(nodePid).not.toBe(npm.pid);

    const feed = new SseClient();
    await feed.connect(`${url}/live/projections?projections=audit`, { Authorization: `Bearer ${tokenFor(secret, 'olga.ops', ['sales-ops'])}` });
    const rep = tokenFor(secret, 'ana.ae', ['rep']);
    const open = (i: number) =>
      fetch(`${url}/deals`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${rep}`, 'Content-Type': 'application/json', 'Idempotency-Key': `shutdown-${i}` },
        body: JSON.stringify({ name: `Shutdown ${i}`, account: { name: 'Shutdown' }, currency: 'EUR', expectedAmount: '1.00' }),
      }).then(
        async (res) => ({ status: res.status, body: (await res.json()) as { dealId?: string } }),
        (error: Error) => ({ status: 0, error: error.message, body: {} as { dealId?: string } }),
      );
    const first = await open(0);
    expect(first.status).toBe(201);
    const inFlight = Array.from({ length: 20 }, (_, i) => open(i + 1));
    npm.kill('SIGTERM');
    const answers = [first, ...(await Promise.all(inFlight))];

    expect(await exited).toBe(0);
    await until(() => !alive(nodePid), 'the node process is gone');
    await feed.waitForEnd();
    expect(feed.messages.at(-1)).toMatchObject({ event: 'closed', data: '{"reason":"server-shutdown"}', retry: expect.stringMatching(/^\d+$/) });
    // A command got its answer, or was never accepted; none was cut off half-way.
    for (const a of answers) expect([0, 201]).toContain(a.status);
    const acknowledged = answers.filter((a) => a.status === 201).map((a) => a.body.dealId!);
    const store = new SqliteEventStore({ path: join(dir, 'events.db') });
    try {
      for (const dealId of acknowledged) expect((await store.readStream(`deal-${dealId}`)).length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
    expect(output).toContain('SIGTERM: stopping');
  }, 120_000);
});

// The relay as `npm run start:relay` runs it: before its script exec'd node, SIGTERM to npm left node running.
describe('graceful shutdown of the built relay started with npm run start:relay', () => {
  let dir: string;
  let brokers: string[];
  let npm: ChildProcess | undefined;

  beforeAll(() => {
    brokers = testKafkaBrokers();
    execFileSync('npx', ['nest', 'build', 'kafka-relay'], { cwd: root, stdio: 'ignore' });
    dir = mkdtempSync(join(tmpdir(), 'relay-shutdown-'));
  }, BROKER_START_TIMEOUT_MS);
  afterAll(() => {
    if (npm?.pid && alive(npm.pid)) npm.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes SIGTERM from npm to node, which stops the relay and exits 0', async () => {
    let output = '';
    const child = spawn('npm', ['run', 'start:relay'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', DATA_DIR: dir, KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_DEAL_EVENTS: `deal-lifecycle-shutdown-${Date.now()}`, KAFKA_TOPIC_PARTITIONS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    npm = child;
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await until(() => output.includes('relaying deal events after position'), `the relay to start:\n${output}`, 60_000);
    // npm's only child is node itself: the script exec'd it.
    const [nodePid] = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
    expect(readFileSync(`/proc/${nodePid}/cmdline`, 'utf8').split('\0')).toEqual(expect.arrayContaining(['dist/apps/kafka-relay/main.js']));

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await until(() => !alive(nodePid), 'the node process is gone');
  }, 120_000);
});
