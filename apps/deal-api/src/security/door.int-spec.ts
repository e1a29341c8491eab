import { Logger, LoggerService } from '@nestjs/common';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findTextProblem } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { createApp } from '../bootstrap';
import { createTestApp, FINANCE, REP, TestApp } from '../testing/test-app';

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly body: { statusCode?: number; error?: string; details?: Record<string, unknown> };
}

/** Raw HTTP, so that headers and bytes reach the server exactly as written. */
function send(url: string, method: string, headers: Record<string, string>, body?: Buffer | string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: Answer['body'] = {};
        try { parsed = JSON.parse(text); } catch { /* left empty: the status assertion names the answer */ }
        resolve({ status: res.statusCode ?? 0, text, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Everything the app logs through Nest, and anything written to stderr, one entry per call. */
class CapturedLog implements LoggerService {
  readonly entries: string[] = [];
  private readonly add = (level: string) => (message: unknown, ...rest: unknown[]) =>
    this.entries.push([level, message, ...rest].map((part) => (part instanceof Error ? part.stack : String(part))).join(' '));
  log = this.add('log');
  warn = this.add('warn');
  error = this.add('error');
  debug = this.add('debug');
  verbose = this.add('verbose');
  fatal = this.add('fatal');
}

const STACK_FRAME = /\n\s+at /;
const openDealBody = { name: 'Acme rollout', account: { name: 'Acme' }, currency: 'EUR', expectedAmount: '100000.00' };
const json = { 'Content-Type': 'application/json' };

describe('the door: bad requests are refused before authentication and parsing, and nothing is written', () => {
  let t: TestApp;
  let url: string;
  let store: EventStore;
  let log: CapturedLog;
  let stderr: jest.SpyInstance;

  beforeAll(async () => {
    t = await createTestApp();
    url = await t.listen();
    store = t.app.get(EVENT_STORE);
    log = new CapturedLog();
    Logger.overrideLogger(log);
  });
  beforeEach(() => {
    log.entries.length = 0;
    stderr = jest.spyOn(process.stderr, 'write');
  });
  afterEach(() => stderr.mockRestore());
  afterAll(() => t?.close());

  /** Sends without a token and with one: both refused with the same answer, the store unchanged. */
  async function expectRefused(
    label: string, request: { method?: string; path?: string; headers: Record<string, string>; body?: Buffer | string },
    status: number, code: string,
  ): Promise<Answer> {
    const before = await store.headPosition();
    const { method = 'POST', path = '/deals', headers, body } = request;
    const anonymous = await send(url + path, method, headers, body);
    const signedIn = await send(url + path, method, { ...headers, ...t.headersOf(REP) }, body);
    expect({ label, status: anonymous.status, error: anonymous.body.error }).toEqual({ label, status, error: code });
    expect({ label, status: signedIn.status, error: signedIn.body.error }).toEqual({ label, status, error: code });
    expect({ label, statusCode: anonymous.body.statusCode, message: typeof (anonymous.body as { message?: unknown }).message })
      .toEqual({ label, statusCode: status, message: 'string' });
    expect({ label, head: await store.headPosition() }).toEqual({ label, head: before });
    return anonymous;
  }

  it('finding 1: size, depth, parameters, media type, charset and encoding are answered 413/415/400 with a code, never a 500 or a stack trace', async () => {
    const big = JSON.stringify({ ...openDealBody, name: 'x'.repeat(10_000_000) });
    const deep = JSON.stringify({ ...openDealBody, account: { name: 'Acme', industry: 'x' } }).replace('"x"', '['.repeat(5000) + ']'.repeat(5000));
    const manyFields = JSON.stringify({ ...openDealBody, ...Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`f${i}`, 1])) });
    const form = new URLSearchParams({ name: 'Acme rollout', 'account[name]': 'Acme', currency: 'EUR', expectedAmount: '100000.00' });
    for (let i = 0; i < 1500; i++) form.append(`p${i}`, '1');
    const manyQuery = Array.from({ length: 1500 }, (_, i) => `q${i}=1`).join('&');
    const valid = JSON.stringify(openDealBody);

    const tooLarge = await expectRefused('10 MB, with Content-Length', { headers: json, body: big }, 413, 'REQUEST.BODY_TOO_LARGE');
    expect(tooLarge.body.details).toEqual({ limitBytes: 1_048_576, lengthBytes: Buffer.byteLength(big) });
    await expectRefused('10 MB, chunked', { headers: { ...json, 'Transfer-Encoding': 'chunked' }, body: big }, 413, 'REQUEST.BODY_TOO_LARGE');
    await expectRefused('10 MB once inflated (a gzip bomb)', { headers: { ...json, 'Content-Encoding': 'gzip' }, body: gzipSync(big) }, 413, 'REQUEST.BODY_TOO_LARGE');
    const tooDeep = await expectRefused('nested 5,000 deep', { headers: json, body: deep }, 400, 'REQUEST.TOO_DEEP');
    expect(tooDeep.body.details).toEqual({ limit: 32 });
    await expectRefused('1,500 fields in one object', { headers: json, body: manyFields }, 400, 'REQUEST.TOO_MANY_PARAMETERS');
    const query = await expectRefused('1,500 query parameters', { path: `/deals?${manyQuery}`, headers: json, body: valid }, 400, 'REQUEST.TOO_MANY_PARAMETERS');
    expect(query.body.details).toEqual({ in: 'query', limit: 1000, count: 1500 });
    await expectRefused('1,500 query parameters on a read', { method: 'GET', path: `/pipeline?${manyQuery}`, headers: {} }, 400, 'REQUEST.TOO_MANY_PARAMETERS');
    await expectRefused('a form body with 1,500 parameters', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() }, 415, 'REQUEST.CONTENT_TYPE_UNSUPPORTED');
    await expectRefused('a body without Content-Type', { headers: {}, body: valid }, 415, 'REQUEST.CONTENT_TYPE_UNSUPPORTED');
    const charset = await expectRefused('charset=latin1', { headers: { 'Content-Type': 'application/json; charset=latin1' }, body: valid }, 415, 'REQUEST.CHARSET_UNSUPPORTED');
    expect(charset.body.details).toEqual({ charset: 'latin1', accepted: ['utf-8'] });
    await expectRefused('charset=utf-16le', { headers: { 'Content-Type': 'application/json; charset=utf-16le' }, body: Buffer.from(valid, 'utf16le') }, 415, 'REQUEST.CHARSET_UNSUPPORTED');
    await expectRefused('gzip that is not gzip', { headers: { ...json, 'Content-Encoding': 'gzip' }, body: valid }, 400, 'REQUEST.BODY_MALFORMED');
    const encoding = await expectRefused('an unknown encoding', { headers: { ...json, 'Content-Encoding': 'compress' }, body: valid }, 415, 'REQUEST.ENCODING_UNSUPPORTED');
    expect(encoding.body.details).toEqual({ encoding: 'compress', accepted: ['identity', 'gzip', 'deflate'] });
    await expectRefused('bytes that are not UTF-8', { headers: json, body: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]) }, 400, 'REQUEST.BODY_MALFORMED');
    await expectRefused('not JSON', { headers: json, body: '{"name": ' }, 400, 'REQUEST.BODY_MALFORMED');

    // The refusals above were logged one line each, none with a stack trace; nothing went to stderr.
    expect(log.entries.length).toBeGreaterThan(0);
    expect(log.entries.filter((entry) => STACK_FRAME.test(entry) || entry.includes('\n'))).toEqual([]);
    expect(log.entries.every((entry) => /^warn (POST|GET) \/(deals|pipeline) refused: (400|413|415) REQUEST\.[A-Z_]+/.test(entry))).toBe(true);
    expect(stderr).not.toHaveBeenCalled();

    // The door lets a good request through: the same body, sent well, opens the deal (and gzip works).
    const opened = await send(`${url}/deals`, 'POST', { ...json, 'Content-Encoding': 'gzip', ...t.headersOf(REP) }, gzipSync(valid));
    expect(opened.status).toBe(201);
  }, 60_000);

  it('finding 3: money is in an ISO 4217 currency with its own decimals, and text is well-formed without control characters', async () => {
    const asRep = { ...json, ...t.headersOf(REP) };
    const post = async (path: string, body: unknown, headers = asRep) => send(url + path, 'POST', headers, JSON.stringify(body));
    /** Refused with this status and code, and the store is where it was. */
    async function refused(label: string, path: string, body: unknown, code: string, headers = asRep): Promise<Answer> {
      const before = await store.headPosition();
      const answer = await post(path, body, headers);
      expect({ label, status: answer.status, error: answer.body.error }).toEqual({ label, status: 400, error: code });
      expect({ label, head: await store.headPosition() }).toEqual({ label, head: before });
      return answer;
    }

    // Currencies: an unknown code, and more decimals than the currency has, on every way in.
    expect((await refused('ZZZ', '/deals', { ...openDealBody, currency: 'ZZZ' }, 'DEAL.INVALID_CURRENCY')).body.details).toEqual({ currency: 'ZZZ' });
    const yenCents = await refused('JPY 100.50', '/deals', { ...openDealBody, currency: 'JPY', expectedAmount: '100.50' }, 'MONEY.INVALID');
    expect(yenCents.body.details).toMatchObject({ field: 'expectedAmount', currency: 'JPY', minorUnit: 0 });
    await refused('a yen line item with decimals', '/deals', {
      ...openDealBody, currency: 'JPY', expectedAmount: '100', lineItems: [{ productCode: 'X', amount: '100.00', quantity: 1 }],
    }, 'MONEY.INVALID');
    await refused('EUR with 3 decimals', '/deals', { ...openDealBody, expectedAmount: '1.005' }, 'MONEY.INVALID');
    const yen = await post('/deals', { ...openDealBody, currency: 'JPY', expectedAmount: '1500000', lineItems: [{ productCode: 'X', amount: '1500000', quantity: 1 }] });
    expect(yen.status).toBe(201);
    const dealId = (yen.body as unknown as { dealId: string }).dealId;
    const budget = await refused('a yen budget with decimals', `/deals/${dealId}/budget`,
      { max: '2000000.5', evidence: { kind: 'email', ref: '<b@acme.example>' } }, 'MONEY.INVALID');
    expect(budget.body.details).toMatchObject({ field: 'max', currency: 'JPY', minorUnit: 0 });
    await refused('a new yen amount with decimals', `/deals/${dealId}/amount`, { expectedAmount: '1600000.10', reason: 'more seats' }, 'MONEY.INVALID');
    const finance = { ...json, ...t.headersOf(FINANCE) };
    await refused('a yen quota with decimals', '/commission/assignments',
      { userId: REP.id, planId: 'ae', effectiveFrom: '2026-01-01', quota: '30000000.5', currency: 'JPY' }, 'MONEY.INVALID', finance);
    await refused('a quota in ZZZ', '/commission/assignments',
      { userId: REP.id, planId: 'ae', effectiveFrom: '2026-01-01', quota: '30000000', currency: 'ZZZ' }, 'COMMISSION.ASSIGNMENT_INVALID', finance);
    const opened = (await store.readStream(`deal-${dealId}`))[0];
    expect(opened.data).toMatchObject({ currency: 'JPY', expectedAmountMinor: 1_500_000, lineItems: [{ productCode: 'X', amountMinor: 1_500_000, quantity: 1 }] });

    // Text: a lone surrogate or a control character anywhere in a body, named by its field.
    const name = await refused('a lone surrogate in the name', '/deals', { ...openDealBody, name: 'Acme \ud83d' }, 'TEXT.INVALID');
    expect(name.body.details).toEqual({ field: 'name', problem: 'lone-surrogate', index: 5, codePoint: 'U+D83D' });
    const item = await refused('a bell in a line item', '/deals', {
      ...openDealBody, lineItems: [{ productCode: 'X', amount: '100000.00', quantity: 1 }, { productCode: 'Y\u0007', amount: '0', quantity: 1 }],
    }, 'TEXT.INVALID');
    expect(item.body.details).toMatchObject({ field: 'lineItems.1.productCode', problem: 'control-character', codePoint: 'U+0007' });
    await refused('an escape in an evidence note', `/deals/${dealId}/buyer-responses`,
      { evidence: { kind: 'email', ref: '<r@acme.example>', note: 'ok \u001b[2J' } }, 'TEXT.INVALID');
    await refused('a C1 control in a field name', '/deals', { ...openDealBody, ['x\u0085']: 1 }, 'TEXT.INVALID');
    await refused('refused before authentication too', '/deals', { ...openDealBody, name: '\udc00' }, 'TEXT.INVALID', json);
    // Emoji (surrogate pairs), other scripts, tabs and new lines are text like any other.
    expect((await post('/deals', { ...openDealBody, name: 'Acme 🚀 東京\tnord\r\n' })).status).toBe(201);

    // The board is JSON every strict parser reads: every string in it is well-formed.
    const board = await send(`${url}/board`, 'GET', t.headersOf(REP));
    expect(board.status).toBe(200);
    const strings: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) { strings.push(key); walk(item); }
    };
    walk(JSON.parse(board.text));
    expect(strings).toContain('Acme 🚀 東京\tnord\r\n');
    expect(strings.filter((text) => findTextProblem(text) !== undefined)).toEqual([]);
    expect(board.text).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i);
  }, 60_000);

  it('finding 2: the data folder and its files are made private at start, also when they existed with looser modes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'door-files-'));
    const umask = process.umask(0o022);
    const dir = join(root, 'data');
    const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
    try {
      mkdirSync(dir, { mode: 0o755 });
      chmodSync(dir, 0o755);
      const first = await createTestApp(dir);
      await first.as(REP).post('/deals', openDealBody).expect(201);
      await first.close();
      for (const file of readdirSync(dir)) chmodSync(join(dir, file), 0o644);
      chmodSync(dir, 0o755);
      writeFileSync(join(dir, 'events.db-wal'), '', { flag: 'a' });
      chmodSync(join(dir, 'events.db-wal'), 0o644);

      // The same start as main.ts (createTestApp would register its users a second time).
      const again = await createApp({ host: '127.0.0.1', port: 0, dataDir: dir, demoData: false }, { logger: false });
      try {
        await again.init();
        const files = readdirSync(dir).sort();
        expect(files).toEqual(expect.arrayContaining(['auth-secret', 'events.db', 'events.db-wal', 'events.db-shm', 'projections.db']));
        expect([modeOf(dir), ...files.map((f) => `${f} ${modeOf(join(dir, f))}`)]).toEqual(['700', ...files.map((f) => `${f} 600`)]);
      } finally {
        await again.close();
      }
    } finally {
      process.umask(umask);
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
