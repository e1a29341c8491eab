import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signAccessToken, tokenSigner } from '@deals/access-tokens';
import { APP_SECRET, APP_USERS, withAppServer } from '../lib/app-server';
import { startServer, stopServer } from '../lib/child';
import { post } from '../lib/http-client';
import { startPostgres } from '../lib/postgres';
import { peerSection, peerTargets } from '../report-peer';
import { PEER_POOL_SIZE, PEER_SERVER, peerMissing, runHttpCommands } from './http-commands';

/**
 * The peer (Emmett on PostgreSQL behind Express) on a PostgreSQL cluster started for the test: it
 * answers the application's requests with the application's status codes, and a short round of
 * the HTTP commands section loses nothing on either. Skipped, with the reason, without PostgreSQL.
 */
const missing = peerMissing();
const maybe = missing ? it.skip : it;
const why = missing ? ` (skipped: ${missing})` : '';

describe('bench HTTP commands against Emmett on PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-http-peer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The same requests, one after the other, as two reps and a reader; the status of each. */
  async function probe(port: number): Promise<number[]> {
    const jwt = tokenSigner(APP_SECRET);
    const [rep, other] = APP_USERS.reps;
    const as = (user: { id: string; roles: string[] }) => ({ Authorization: `Bearer ${signAccessToken(jwt, user)}` });
    const dealId = randomUUID();
    const evidence = { kind: 'email', ref: '<r@acme.example>' };
    const open = {
      dealId, name: 'Probe', account: { name: 'Acme', industry: 'manufacturing' }, currency: 'EUR', expectedAmount: '1000.00',
      team: [{ userId: rep.id, role: 'account-executive' }],
    };
    const send = async (path: string, headers: Record<string, string>, body: object) => (await post(port, path, headers, JSON.stringify(body))).status;
    return [
      await send('/deals', {}, open),
      await send('/deals', { Authorization: 'Bearer not.a.token' }, open),
      await send('/deals', as(rep), { ...open, currency: 'euro' }),
      await send('/deals', as(rep), { ...open, unknownField: 1 }),
      await send('/deals', as(APP_USERS.ops), { ...open, dealId: randomUUID() }),
      await send('/deals', as(rep), open),
      await send('/deals', as(rep), open),
      await send(`/deals/${dealId}/buyer-responses`, as(rep), { evidence: { kind: 'rumour', ref: 'x' } }),
      await send(`/deals/${dealId}/buyer-responses`, as(other), { evidence }),
      await send(`/deals/${dealId}/stage/advance`, as(rep), {}),
      await send(`/deals/${dealId}/buyer-responses`, as(rep), { evidence }),
      await send(`/deals/${randomUUID()}/buyer-responses`, as(rep), { evidence }),
    ];
  }

  maybe(`answers the application's requests with its status codes${why}`, async () => {
    const cluster = await startPostgres();
    try {
      cluster.createDatabase('probe');
      const peer = await startServer(PEER_SERVER, { args: { url: cluster.url('probe'), secret: APP_SECRET, users: [...APP_USERS.reps, APP_USERS.ops], poolSize: PEER_POOL_SIZE } });
      let peerStatuses: number[];
      try {
        peerStatuses = await probe(peer.port);
      } finally {
        await stopServer(peer.child);
      }
      const appStatuses = await withAppServer(join(dir, 'app'), {}, ({ port }) => probe(port));
      // No token, a bad token, two invalid bodies, a reader opening a deal, the deal opened and opened again, unknown evidence,
      // another rep on this rep's deal, an advance before its criteria, the buyer's response, a deal that does not exist.
      expect(appStatuses).toEqual([401, 401, 400, 400, 403, 201, 409, 400, 403, 409, 201, 404]);
      expect(peerStatuses).toEqual(appStatuses);
    } finally {
      cluster.stop();
    }
  }, 120_000);

  maybe(`runs a short round of the peer beside the application and loses nothing${why}`, async () => {
    const figures = await runHttpCommands({ workDir: dir, rounds: 1, concurrency: 4, warmupMs: 200, measureMs: 1000, targets: ['app', 'peer'] });
    for (const f of figures) {
      const [round] = f.rounds;
      expect(round.perSecond).toBeGreaterThan(0);
      expect(round.failed).toBe(0);
      expect(round.acknowledgedEvents).toBeGreaterThan(0);
      expect(round.storedEvents).toBe(round.acknowledgedEvents);
      expect(round.latencyMs?.p99).toBeGreaterThan(0);
    }
    expect(figures.find((f) => f.target === 'peer')?.peer?.poolSize).toBe(PEER_POOL_SIZE);
    const [target] = peerTargets({ httpPeer: figures });
    expect(target.figure).toBe('HTTP commands/s, 4 clients, vs Emmett-PostgreSQL behind Express');
    expect(peerSection({ httpPeer: figures }).join('\n')).toMatch(/\| 4 \| \*\*[\d.]+×\*\* \| [\d.]+× \| [\d.,]+ \/ [\d.,]+ ms \| 0 \/ 0 \| 0 \/ 0 \|/);
  }, 180_000);
});
