import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { approveIfProposed, createTestApp, email, FINANCE, MANAGER, OTHER_REP, REP, TestActor, TestApp } from '../src/testing/test-app';

// The KPIs page and the quota standing in a real browser (Debian's Chromium) against the real
// API: a manager's KPIs per rep and their team's standing, a rep's standing on their commission
// page. Screenshots go to test-artifacts/dashboard/.

const ROOT = join(__dirname, '..', '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-artifacts', 'dashboard');
const WAIT = { timeout: 15_000 };

jest.setTimeout(180_000);

/** The built dashboard, rebuilt when a source file is newer than it (as dashboard.e2e-spec.ts does). */
function ensureDashboardBuilt(): void {
  const index = join(ROOT, 'dist', 'web', 'index.html');
  const newest = (dir: string): number => Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? newest(path) : statSync(path).mtimeMs;
  }));
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(ROOT, 'apps', 'web', 'src'))) return;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', join(ROOT, 'apps', 'web', 'vite.config.mts')], {
    cwd: ROOT, stdio: 'inherit', timeout: 120_000, env: { ...process.env, NODE_ENV: 'production' },
  });
}

describe('KPIs and quota standing on the dashboard', () => {
  let t: TestApp;
  let url: string;
  let dataDir: string;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  const ok = async (actor: TestActor, path: string, body: object) => {
    const res = await t.as(actor).post(path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    await approveIfProposed(t, res.body.dealId ?? path.split('/')[2], res.body, MANAGER);
    return res.body;
  };
  const signInAs = async (actor: TestActor) => {
    if (page.url().startsWith(url)) await page.evaluate(() => (globalThis as unknown as { sessionStorage: { clear(): void } }).sessionStorage.clear());
    await page.goto(`${url}/app/`, WAIT);
    await page.getByText('Sign in with an access token').click();
    await page.locator('#token').fill(t.tokenFor(actor));
    await page.getByRole('button', { name: 'Sign in with token' }).click();
    await page.getByTestId('signed-in-as').waitFor(WAIT);
  };
  const shoot = async (name: string) => {
    for (const [size, viewport] of [['desk', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: join(SHOTS, `${name}-${size}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install it with \`bash scripts/ensure-chromium.sh\`.`);
    ensureDashboardBuilt();
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'kpis-e2e-'));
    t = await createTestApp(dataDir);
    url = await t.listen();

    await ok(FINANCE, '/commission/plans/ae-2026/versions', {
      version: 1, name: 'AE 2026 v1', effectiveFrom: '2026-01-01',
      rules: { creditType: 'revenue', currency: 'EUR', baseRateBp: 1000, payoutTrigger: 'close', clawbackWindowDays: 90 },
    });
    for (const [who, quota] of [[REP, '50000.00'], [OTHER_REP, '20000.00']] as const) {
      await ok(FINANCE, '/commission/assignments', { userId: who.id, planId: 'ae-2026', effectiveFrom: '2026-01-01', quota, currency: 'EUR' });
    }
    const { dealId } = await ok(REP, '/deals', {
      name: 'Alpha', account: { name: 'Alpha Inc.' }, currency: 'EUR', expectedAmount: '30000.00',
      team: [{ userId: REP.id, role: 'account-executive' }], occurredAt: '2026-01-05T09:00:00.000Z',
    });
    await ok(REP, `/deals/${dealId}/contacts`, { channel: 'referral', evidence: email('<contact-alpha@x>'), occurredAt: '2026-01-05T09:10:00.000Z' });
    for (const stage of ['product-evaluated', 'proposal-reviewed', 'terms-agreed']) {
      await ok(MANAGER, `/deals/${dealId}/stage/override`, { toStageId: stage, reason: 'Entered from the old CRM', occurredAt: '2026-01-20T10:00:00.000Z' });
    }
    await ok(REP, `/deals/${dealId}/terms`, { price: '30000.00', paymentTerms: 'Net 30', deliveryTimeline: 'Q2', evidence: email('<terms-alpha@x>'), occurredAt: '2026-01-25T10:00:00.000Z' });
    await ok(REP, `/deals/${dealId}/close-won`, { signedOrder: { kind: 'signature', ref: 'order-alpha' }, occurredAt: '2026-02-10T10:00:00.000Z' });

    profile = mkdtempSync(join(tmpdir(), 'kpis-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 800 }, timeout: 30_000,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    for (const dir of [profile, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows a manager the KPIs per rep, by origin, and their team\'s quota standing', async () => {
    await signInAs(MANAGER);
    await page.getByRole('link', { name: 'KPIs' }).click();
    await page.goto(`${url}/app/#/kpis?period=2026-Q1`, WAIT);
    const ana = page.getByTestId('kpi-row').filter({ hasText: REP.id });
    await ana.waitFor(WAIT);
    // alpha: won, nothing lost → 100%; 30,000.00 EUR
    expect(await ana.textContent()).toContain('100%');
    expect(await ana.textContent()).toContain('30,000.00 EUR');
    await page.locator('#kpi-origin').selectOption('outbound');
    await page.getByText('Per rep · outbound').waitFor(WAIT);
    const standing = page.getByTestId('quota-standing-row').filter({ hasText: `Team ${MANAGER.id}` });
    await standing.waitFor(WAIT);
    // quotas 50,000 + 20,000; won 30,000; gap 40,000
    expect(await standing.textContent()).toContain('70,000.00 EUR');
    expect(await standing.textContent()).toContain('40,000.00 EUR');
    await shoot('kpis');
  });

  it('shows a rep where they stand on their commission page', async () => {
    await signInAs(REP);
    await page.goto(`${url}/app/#/commission/${REP.id}?period=2026-Q1`, WAIT);
    const row = page.getByTestId('quota-standing-row').filter({ hasText: REP.id });
    await row.waitFor(WAIT);
    // quota 50,000, won 30,000, gap 20,000, nothing open
    expect(await row.textContent()).toContain('20,000.00 EUR');
    await shoot('commission-quota-standing');
  });

  it('ran without a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
