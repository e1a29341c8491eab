import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page, Request } from 'playwright-core';
import { approveIfProposed, createTestApp, email, FINANCE, MANAGER, openAcme, REP, TestActor, TestApp } from '../../src/testing/test-app';
import { expectAccessible } from './accessibility';
import { DESK, PHONE, ROOT, WAIT } from './browser-basics';

export { DESK, PHONE, ROOT, WAIT };

// What the dashboard's browser journeys share: the built page, the real API on a temporary
// store, Debian's Chromium (headless), signing in, screenshots and the watch on requests.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = join(ROOT, 'test-artifacts', 'dashboard');
export const AE_RULES = {
  creditType: 'revenue', currency: 'EUR', baseRateBp: 1500, productRates: [{ productCode: 'X', rateBp: 2000 }],
  accelerators: { quarterEnd: { days: 10, multiplierBp: 12500 } }, payoutTrigger: 'close', clawbackWindowDays: 90,
};

/** How often a page may ask for one URL without a user action (the first load, a reload after a live change). */
export const REPEATS_ALLOWED = 3;
/**
 * How long a settled page is watched for a request nobody asked for. Not a wait for a result: a
 * page that asks by itself (a URL rebuilt on every render) asks again within milliseconds of an
 * answer, so the fault shows well inside this window.
 */
export const QUIET_MS = 1500;

/**
 * The API requests of a page, per method, path and query, since the last user action. The live
 * feed is one long request and the page's own files are not the API's, so neither counts.
 */
export function watchRequests(page: Page, origin: () => string) {
  const counts = new Map<string, number>();
  const inFlight = new Set<Request>();
  let idle: (() => void)[] = [];
  const isApi = (r: Request) => {
    const u = new URL(r.url());
    return u.origin === origin() && !u.pathname.startsWith('/app') && u.pathname !== '/live/projections';
  };
  page.on('request', (r) => {
    if (!isApi(r)) return;
    const u = new URL(r.url());
    const key = `${r.method()} ${u.pathname}${u.search}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    inFlight.add(r);
  });
  const finished = (r: Request) => {
    if (!inFlight.delete(r) || inFlight.size > 0) return;
    for (const resolve of idle) resolve();
    idle = [];
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  return {
    isApi,
    /** A user action: what the page asks next is asked for a reason. */
    reset: () => counts.clear(),
    /** Every API request made so far has its answer. */
    settled: () => (inFlight.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
    repeated: () => [...counts].filter(([, n]) => n > REPEATS_ALLOWED).map(([key, n]) => `${key} ×${n}`),
    /** Every request since the last reset, as `METHOD /path?query`. */
    requested: () => [...counts.keys()],
  };
}

/** The built dashboard, rebuilt when a source file is newer than it (npm test builds it first anyway). */
export function ensureDashboardBuilt(): void {
  const index = join(ROOT, 'dist', 'web', 'index.html');
  const newest = (dir: string): number => Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? newest(path) : statSync(path).mtimeMs;
  }));
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(ROOT, 'apps', 'web', 'src'))) return;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', join(ROOT, 'apps', 'web', 'vite.config.mts')], {
    // Jest sets NODE_ENV=test, which would give Vite a development bundle.
    cwd: ROOT, stdio: 'inherit', timeout: 120_000, env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** A command's answer. */
export interface CommandBody {
  readonly dealId: string;
  readonly position: number;
  readonly [field: string]: unknown;
}

/** The API, the browser and its one page, filled in by beforeAll; the helpers may be taken apart at once. */
export interface DashboardBrowser {
  t: TestApp;
  url: string;
  browser: BrowserContext;
  page: Page;
  watch: ReturnType<typeof watchRequests>;
  /** Script errors of the page, for the journey's last test to check. */
  readonly pageErrors: string[];
  /** Posts; a close dated months back waits for the manager's approval, which it gets. */
  ok(actor: TestActor, path: string, body: object): Promise<CommandBody>;
  /** Screenshots of the page at desk and phone width, each checked by axe-core (expectAccessible). */
  shoot(name: string): Promise<void>;
  signInAs(actor: TestActor): Promise<void>;
  /** A deal's card in a board column. */
  card(stageId: string, dealId: string): ReturnType<Page['locator']>;
}

/**
 * Starts the API on a temporary store and a headless Chromium before the file's tests, and stops
 * both after them. Call it at the top of a describe block.
 */
export function dashboardBrowser(): DashboardBrowser {
  let dataDir: string | undefined;
  let profile: string | undefined;
  const d = {
    pageErrors: [] as string[],
    async ok(actor: TestActor, path: string, body: object) {
      const res = await d.t.as(actor).post(path, body);
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      await approveIfProposed(d.t, res.body.dealId, res.body, MANAGER);
      return res.body;
    },
    shoot: (name: string) => shoot(d.page, name),
    // The old token is dropped before the page loads, so it never races the check of a signed-in session.
    async signInAs(actor: TestActor) {
      const { page, url } = d;
      if (page.url().startsWith(url)) await page.evaluate(() => (globalThis as unknown as { sessionStorage: { clear(): void } }).sessionStorage.clear());
      await page.goto(`${url}/app/`, WAIT);
      await page.getByText('Sign in with an access token').click();
      await page.locator('#token').fill(d.t.tokenFor(actor));
      await page.getByRole('button', { name: 'Sign in with token' }).click();
      await page.getByTestId('signed-in-as').waitFor(WAIT);
    },
    card: (stageId: string, dealId: string) => d.page.locator(`[data-stage-id="${stageId}"] [data-deal-id="${dealId}"]`),
  } as DashboardBrowser;

  beforeAll(async () => {
    ensureDashboardBuilt();
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'dashboard-e2e-'));
    d.t = await createTestApp(dataDir);
    d.url = await d.t.listen();
    profile = mkdtempSync(join(tmpdir(), 'dashboard-chromium-'));
    d.browser = await launchDashboardBrowser(profile);
    d.page = d.browser.pages()[0] ?? (await d.browser.newPage());
    d.page.setDefaultTimeout(15_000);
    d.page.on('pageerror', (error) => d.pageErrors.push(error.message));
    d.watch = watchRequests(d.page, () => new URL(d.url).origin);
  });

  afterAll(async () => {
    await d.browser?.close();
    await d.t?.close();
    for (const dir of [profile, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return d;
}

/** The AE plan from 2026 with the rep on it. */
export async function seedPlan(d: DashboardBrowser): Promise<void> {
  await d.ok(FINANCE, '/commission/plans/ae-fy26/versions', { version: 1, name: 'AE FY26 v1', effectiveFrom: '2026-01-01', rules: AE_RULES });
  await d.ok(FINANCE, '/commission/assignments', { userId: REP.id, planId: 'ae-fy26', effectiveFrom: '2026-01-01', currency: 'EUR' });
}

/** An Acme deal of the rep's that the buyer answered: it waits for a meeting to leave `engaged`. */
export async function seedEngagedDeal(d: DashboardBrowser): Promise<string> {
  const dealId = await openAcme(d.t, REP);
  await d.ok(REP, `/deals/${dealId}/buyer-responses`, { evidence: email('<reply-1@acme.example>'), occurredAt: '2026-01-06T10:00:00.000Z' });
  return dealId;
}

/** An Acme deal of the rep's taken to `terms-agreed` (terms at 100,000.00 EUR); closed won on 26 March 2026 unless `close` is false. */
export async function seedWonDeal(d: DashboardBrowser, close = true): Promise<string> {
  const dealId = await openAcme(d.t, REP);
  for (const stage of ['qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed']) {
    await d.ok(MANAGER, `/deals/${dealId}/stage/override`, { toStageId: stage, reason: 'Entered from the old CRM', occurredAt: '2026-02-01T10:00:00.000Z' });
  }
  await d.ok(REP, `/deals/${dealId}/terms`, { price: '100000.00', paymentTerms: 'Net 30', deliveryTimeline: 'Q2', evidence: email('<terms@acme.example>'), occurredAt: '2026-03-10T10:00:00.000Z' });
  if (close) {
    await d.ok(REP, `/deals/${dealId}/close-won`, { signedOrder: { kind: 'signature', ref: 'order-1', url: 'https://docs.example/order-1' }, occurredAt: '2026-03-26T16:00:00.000Z' });
  }
  return dealId;
}

/** The rep's dispute on the first line of their 2026-Q1 statement. */
export async function seedDispute(d: DashboardBrowser, dealId: string): Promise<string> {
  const statement = await d.t.as(REP).get(`/commission/statements/${REP.id}?period=2026-Q1`).expect(200);
  const line = statement.body.result.lines[0] as { lineId: string };
  const answer = await d.t.as(REP).post('/commission/disputes', { userId: REP.id, period: '2026-Q1', lineId: line.lineId, dealId, claim: 'The split was 70/30 when we closed' });
  if (answer.status !== 201) throw new Error(`dispute: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id as string;
}

/** Debian's Chromium, headless, with its own profile directory. */
export async function launchDashboardBrowser(profile: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: the browser test needs Debian's chromium. Install it with \`bash scripts/ensure-chromium.sh\` (npm test runs it first).`);
  }
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: DESK,
    timeout: 30_000,
  });
}

/**
 * Opens a dashboard route and waits until the page of that route (not the one before it, still on
 * screen for a moment after a change of the address's #) shows `shown`.
 */
export async function openRoute(page: Page, url: string, path: string, shown: string): Promise<void> {
  await page.goto(`${url}/app/#/${path}`, WAIT);
  const route = path.split('?')[0].split('/').filter(Boolean).map(decodeURIComponent).join('/');
  await page.locator(`main[data-route="${route.replace(/["\\]/g, '\\$&')}"]`).locator(shown).first().waitFor(WAIT);
}

/**
 * Once the page shows no "Loading…" and its requests are answered: what it asks by itself within
 * QUIET_MS (null: nothing), and the URLs asked more than REPEATS_ALLOWED times since the last reset.
 */
export async function unpromptedRequests(page: Page, watch: ReturnType<typeof watchRequests>): Promise<{ unprompted: string | null; repeated: string[] }> {
  await page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('[aria-busy="true"]'), undefined, WAIT);
  await watch.settled();
  const unprompted = await page.waitForRequest((r) => watch.isApi(r), { timeout: QUIET_MS }).then((r) => r.url(), () => null);
  return { unprompted, repeated: watch.repeated() };
}

/** A fresh headless Chromium profile and its first page; `close` removes the profile. */
export async function openBrowser(): Promise<{ browser: BrowserContext; page: Page; close: () => Promise<void> }> {
  mkdirSync(SHOTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'dashboard-chromium-'));
  const browser = await launchDashboardBrowser(profile);
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(WAIT.timeout);
  return {
    browser, page,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Full-page screenshots `<name>-desk.png` and `<name>-phone.png`, each width checked by axe-core (expectAccessible). */
export async function shoot(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of [['desk', DESK], ['phone', PHONE]] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(SHOTS, `${name}-${size}.png`), fullPage: true });
    await expectAccessible(page, `${name} (${size})`);
  }
  await page.setViewportSize(DESK);
}
