import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { approveIfProposed, createTestApp, email, FINANCE, MANAGER, openAcme, REP, TestActor, TestApp } from '../src/testing/test-app';

// The dashboard in a real browser (Debian's Chromium, headless) against the real API on a
// temporary store: sign in, watch a deal move on the board when a fact is recorded, read the
// deal's missing exit criteria, open a statement line's lineage, raise and review a dispute.
// Screenshots of every page, at desk and phone width, go to test-artifacts/dashboard/.

const ROOT = join(__dirname, '..', '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-artifacts', 'dashboard');
const WAIT = { timeout: 15_000 };
const DESK = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const AE_RULES = {
  creditType: 'revenue', currency: 'EUR', baseRateBp: 1500, productRates: [{ productCode: 'X', rateBp: 2000 }],
  accelerators: { quarterEnd: { days: 10, multiplierBp: 12500 } }, payoutTrigger: 'close', clawbackWindowDays: 90,
};

jest.setTimeout(180_000);

/** The built dashboard, rebuilt when a source file is newer than it (npm test builds it first anyway). */
function ensureDashboardBuilt(): void {
  const index = join(ROOT, 'dist', 'web', 'index.html');
  const newest = (dir: string): number => Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? newest(path) : statSync(path).mtimeMs;
  }));
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(ROOT, 'apps', 'web', 'src'))) return;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', join(ROOT, 'apps', 'web', 'vite.config.mts')], {
    cwd: ROOT, stdio: 'inherit', timeout: 120_000,
  });
}

describe('the dashboard in a browser', () => {
  let t: TestApp;
  let url: string;
  let dataDir: string;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;
  let movingDeal: string;
  let wonDeal: string;
  const pageErrors: string[] = [];

  /** Posts; a close dated months back waits for the manager's approval, which it gets. */
  const ok = async (actor: TestActor, path: string, body: object) => {
    const res = await t.as(actor).post(path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    await approveIfProposed(t, res.body.dealId, res.body, MANAGER);
    return res.body;
  };
  const shoot = async (name: string) => {
    for (const [size, viewport] of [['desk', DESK], ['phone', PHONE]] as const) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: join(SHOTS, `${name}-${size}.png`), fullPage: true });
    }
    await page.setViewportSize(DESK);
  };
  const signInAs = async (actor: TestActor) => {
    await page.goto(`${url}/app/`, WAIT);
    const signOut = page.getByRole('button', { name: 'Sign out' });
    if (await signOut.isVisible()) await signOut.click();
    await page.locator('#token').fill(t.tokenFor(actor));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-as').waitFor(WAIT);
  };
  const card = (stageId: string, dealId: string) => page.locator(`[data-stage-id="${stageId}"] [data-deal-id="${dealId}"]`);

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`No Chromium at ${CHROMIUM}: the browser test needs Debian's chromium. Install it with \`bash scripts/ensure-chromium.sh\` (npm test runs it first).`);
    }
    ensureDashboardBuilt();
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'dashboard-e2e-'));
    t = await createTestApp(dataDir);
    url = await t.listen();

    await ok(FINANCE, '/commission/plans/ae-fy26/versions', { version: 1, name: 'AE FY26 v1', effectiveFrom: '2026-01-01', rules: AE_RULES });
    await ok(FINANCE, '/commission/assignments', { userId: REP.id, planId: 'ae-fy26', effectiveFrom: '2026-01-01', currency: 'EUR' });
    movingDeal = await openAcme(t, REP);
    await ok(REP, `/deals/${movingDeal}/buyer-responses`, { evidence: email('<reply-1@acme.example>'), occurredAt: '2026-01-06T10:00:00.000Z' });
    wonDeal = await openAcme(t, REP);
    for (const stage of ['qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed']) {
      await ok(MANAGER, `/deals/${wonDeal}/stage/override`, { toStageId: stage, reason: 'Entered from the old CRM', occurredAt: '2026-02-01T10:00:00.000Z' });
    }
    await ok(REP, `/deals/${wonDeal}/terms`, { price: '100000.00', paymentTerms: 'Net 30', deliveryTimeline: 'Q2', evidence: email('<terms@acme.example>'), occurredAt: '2026-03-10T10:00:00.000Z' });
    await ok(REP, `/deals/${wonDeal}/close-won`, { signedOrder: { kind: 'signature', ref: 'order-1', url: 'https://docs.example/order-1' }, occurredAt: '2026-03-26T16:00:00.000Z' });

    profile = mkdtempSync(join(tmpdir(), 'dashboard-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: DESK,
      timeout: 30_000,
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

  it('signs in with a token and moves a deal to its next stage live when a fact is recorded through the API', async () => {
    await signInAs(MANAGER);
    await card('engaged', movingDeal).waitFor(WAIT);
    await page.getByTestId('live-status').filter({ hasText: 'live' }).waitFor(WAIT);
    expect(await page.getByTestId('signed-in-as').textContent()).toContain(MANAGER.id);
    await shoot('board');
    await page.evaluate(() => { (globalThis as Record<string, unknown>).sameDocument = true; });

    await ok(REP, `/deals/${movingDeal}/meetings`, { meetingId: 'cal-1', scheduledFor: '2026-01-09T10:00:00.000Z', evidence: { kind: 'calendar', ref: 'cal-1' }, occurredAt: '2026-01-06T11:00:00.000Z' });
    await ok(REP, `/deals/${movingDeal}/stage/advance`, { occurredAt: '2026-01-06T12:00:00.000Z' });

    await card('qualified', movingDeal).waitFor(WAIT);
    await card('engaged', movingDeal).waitFor({ state: 'detached', ...WAIT });
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).sameDocument)).toBe(true);
    await expect(page.locator('[data-stage-id="qualified"] [data-testid="stage-count"]').textContent()).resolves.toBe('1');
    await shoot('board-after-move');
  });

  it('opens the deal page with the exit criteria still missing, the team and the timeline', async () => {
    const deal = await t.as(MANAGER).get(`/deals/${movingDeal}`).expect(200);
    const missing = (deal.body.stage.criteria as { label: string; met: boolean }[]).filter((c) => !c.met).map((c) => c.label);
    expect(missing.length).toBeGreaterThan(0);

    await card('qualified', movingDeal).locator('a').click();
    await page.getByTestId('deal-stage').filter({ hasText: 'Qualified' }).waitFor(WAIT);
    const shown = page.getByTestId('criterion-missing');
    await shown.first().waitFor(WAIT);
    expect(await shown.count()).toBe(missing.length);
    for (const label of missing) await shown.filter({ hasText: label }).waitFor(WAIT);
    await page.getByTestId('timeline').getByText('StageAdvanced').waitFor(WAIT);
    await shoot('deal');
  });

  it('shows a rep their statement and the lineage of a line, and raises a dispute from it', async () => {
    const statement = await t.as(REP).get(`/commission/statements/${REP.id}?period=2026-Q1`).expect(200);
    const first = statement.body.result.lines[0] as { lineId: string; lineage: { arithmetic: string } };
    expect(first).toBeDefined();

    await signInAs(REP);
    await page.goto(`${url}/app/#/commission/${REP.id}?period=2026-Q1`, WAIT);
    const row = page.locator(`[data-testid="statement-line"][data-line-id="${first.lineId}"]`);
    await row.getByRole('button', { name: 'Lineage' }).click();
    const lineage = page.getByTestId('lineage');
    await lineage.waitFor(WAIT);
    expect(await lineage.getByTestId('arithmetic').textContent()).toBe(first.lineage.arithmetic);
    await lineage.getByText('DealClosedWon').first().waitFor(WAIT);
    await lineage.getByText('AE FY26 v1').waitFor(WAIT);
    await shoot('statement-lineage');

    await row.getByRole('button', { name: 'Dispute' }).click();
    await page.getByLabel('What is wrong with this line?').fill('The split was 70/30 when we closed');
    await page.getByRole('button', { name: 'Raise dispute' }).click();
    await page.getByText('Dispute raised').waitFor(WAIT);
  });

  it("shows finance the dispute: as known at close vs now, with the resolve form", async () => {
    await signInAs(FINANCE);
    await page.goto(`${url}/app/#/disputes`, WAIT);
    await page.getByTestId('dispute-row').first().getByRole('link').click();
    await page.getByRole('heading', { name: 'As known at close vs as known now' }).waitFor(WAIT);
    await page.getByText('← disputed').waitFor(WAIT);
    await page.getByRole('button', { name: 'Accept and adjust' }).waitFor(WAIT);
    await shoot('dispute');
  });

  it('ran every page without a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
