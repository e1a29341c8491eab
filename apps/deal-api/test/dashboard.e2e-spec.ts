import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { STATEMENT_CSV_COLUMNS } from '../src/commission/payees/statements-csv';
import { ADMIN, approveIfProposed, createTestApp, email, FINANCE, MANAGER, openAcme, OPS, OTHER_REP, REP, TestActor, TestApp } from '../src/testing/test-app';
import { CHROMIUM, DESK, ensureDashboardBuilt, PHONE, QUIET_MS, SHOTS, WAIT, watchRequests } from './support/dashboard-browser';

// The dashboard in a real browser (Debian's Chromium, headless) against the real API on a
// temporary store: sign in, watch a deal move on the board when a fact is recorded, read the
// deal's missing exit criteria, open a statement line's lineage, raise and review a dispute.
// Screenshots of every page, at desk and phone width, go to test-artifacts/dashboard/.

const AE_RULES = {
  creditType: 'revenue', currency: 'EUR', baseRateBp: 1500, productRates: [{ productCode: 'X', rateBp: 2000 }],
  accelerators: { quarterEnd: { days: 10, multiplierBp: 12500 } }, payoutTrigger: 'close', clawbackWindowDays: 90,
};

jest.setTimeout(180_000);

describe('the dashboard in a browser', () => {
  let t: TestApp;
  let url: string;
  let dataDir: string;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;
  let movingDeal: string;
  let wonDeal: string;
  let watch: ReturnType<typeof watchRequests>;
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
  // The old token is dropped before the page loads, so it never races the check of a signed-in session.
  const signInAs = async (actor: TestActor) => {
    if (page.url().startsWith(url)) await page.evaluate(() => (globalThis as unknown as { sessionStorage: { clear(): void } }).sessionStorage.clear());
    await page.goto(`${url}/app/`, WAIT);
    await page.getByText('Sign in with an access token').click();
    await page.locator('#token').fill(t.tokenFor(actor));
    await page.getByRole('button', { name: 'Sign in with token' }).click();
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
    watch = watchRequests(page, () => new URL(url).origin);
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

  it('flags stuck deals on the board and filters it by stuck, owner, currency and a search of deal and account names', async () => {
    const fresh = (await t.as(REP).post('/deals', { name: 'Fresh pilot', account: { name: 'Initech' }, currency: 'EUR', expectedAmount: '5000.00' }).expect(201)).body.dealId as string;
    const stuck = (await t.as(MANAGER).get(`/pipeline/stuck?limit=1000`).expect(200)).body.result as { total: number; items: { dealId: string }[] };
    expect(stuck.items.map((d) => d.dealId)).toContain(movingDeal);
    expect(stuck.items.map((d) => d.dealId)).not.toContain(fresh);

    await page.goto(`${url}/app/#/board`, WAIT);
    const moving = card('qualified', movingDeal);
    await moving.getByTestId('stuck-flag').waitFor(WAIT);
    await card('engaged', fresh).waitFor(WAIT);
    expect(await card('engaged', fresh).getByTestId('stuck-flag').count()).toBe(0);
    await page.getByTestId('stuck-count').filter({ hasText: `${stuck.total} stuck` }).waitFor(WAIT);
    // Each currency's figures are labelled and set apart, never run together.
    await page.getByTestId('board-total').locator('[data-currency="EUR"]').filter({ hasText: /^EUR \S+ · weighted \S+$/ }).waitFor(WAIT);

    await page.getByLabel('Stuck only', { exact: true }).check();
    await card('engaged', fresh).waitFor({ state: 'detached', ...WAIT });
    await moving.waitFor(WAIT);
    await shoot('board-stuck');
    await page.getByLabel('Stuck only', { exact: true }).uncheck();

    await page.getByLabel('Search', { exact: true }).fill('initech');
    await card('qualified', movingDeal).waitFor({ state: 'detached', ...WAIT });
    await card('engaged', fresh).waitFor(WAIT);
    await page.getByLabel('Search', { exact: true }).fill('');
    await page.getByLabel('Owner', { exact: true }).selectOption(REP.id);
    await page.getByLabel('Currency', { exact: true }).selectOption('EUR');
    await page.getByLabel('Stage', { exact: true }).selectOption('qualified');
    await moving.waitFor(WAIT);
    await card('engaged', fresh).waitFor({ state: 'detached', ...WAIT });
    expect(await page.getByTestId('stage').count()).toBe(1);
    await shoot('board-filtered');
    await page.getByRole('button', { name: 'clear filters' }).click();
    await card('engaged', fresh).waitFor(WAIT);
    await t.as(REP).post(`/deals/${fresh}/close-lost`, { reason: 'Only a test deal' }).expect(201);
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

  it("shows the rep's manager the dispute in their queue, and finance the dispute: the line's lineage, at close vs now, the resolve form", async () => {
    await signInAs(MANAGER);
    await page.goto(`${url}/app/#/disputes`, WAIT);
    await page.getByTestId('dispute-row').filter({ hasText: REP.id }).waitFor(WAIT);

    await signInAs(FINANCE);
    await page.goto(`${url}/app/#/disputes`, WAIT);
    await page.getByTestId('dispute-row').first().getByRole('link').click();
    await page.getByRole('heading', { name: 'As known at close vs as known now' }).waitFor(WAIT);
    await page.getByText('← disputed').waitFor(WAIT);
    const disputed = page.getByTestId('lineage');
    await disputed.getByTestId('arithmetic').waitFor(WAIT);
    await disputed.getByText('AE FY26 v1').waitFor(WAIT);
    await page.getByTestId('disputed-line-name').filter({ hasText: 'Acme rollout' }).waitFor(WAIT);
    for (const label of ['Person', 'Period', 'Amount', 'Currency']) await page.getByLabel(label, { exact: true }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Accept and adjust' }).waitFor(WAIT);
    await shoot('dispute');
  });

  it('shows a rep that a split naming a colleague waits for approval; the manager approves it on the approvals page and the deal shows it', async () => {
    await signInAs(REP);
    await page.goto(`${url}/app/#/deal/${wonDeal}`, WAIT);
    await page.getByTestId('deal-split').filter({ hasText: `${REP.id} 100%` }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Change split' }).click();
    await page.getByTestId('share-row').nth(0).getByLabel('share %').fill('70');
    await page.getByRole('button', { name: '+ share' }).click();
    await page.getByTestId('share-row').nth(1).getByLabel('person').fill(OTHER_REP.id);
    await page.getByTestId('share-row').nth(1).getByLabel('share %').fill('30');
    await page.getByRole('button', { name: 'Set split' }).click();
    await page.getByTestId('waits-for-approval').waitFor(WAIT);
    const waiting = page.getByTestId('pending-changes').getByTestId('approval');
    await waiting.filter({ hasText: `${REP.id} 70%, ${OTHER_REP.id} 30%` }).getByText('changes credit after the close').waitFor(WAIT);
    await waiting.getByRole('button', { name: 'Withdraw' }).waitFor(WAIT);
    expect(await page.getByTestId('deal-split').textContent()).toContain(`${REP.id} 100%`);
    await shoot('deal-waiting-for-approval');

    await signInAs(MANAGER);
    await page.goto(`${url}/app/#/approvals`, WAIT);
    const item = page.getByTestId('approval').filter({ hasText: `${REP.id} 70%, ${OTHER_REP.id} 30%` });
    await item.getByText('Credit split').waitFor(WAIT);
    await item.getByText('changes credit after the close').waitFor(WAIT);
    await item.getByRole('link', { name: 'Acme rollout' }).waitFor(WAIT);
    await shoot('approvals');
    await item.getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('approval-done').waitFor(WAIT);
    await item.waitFor({ state: 'detached', ...WAIT });
    await page.getByTestId('approval-done').getByRole('link', { name: 'Open the deal' }).click();
    await page.getByTestId('deal-split').filter({ hasText: `${REP.id} 70%, ${OTHER_REP.id} 30%` }).waitFor(WAIT);
    const deal = await t.as(MANAGER).get(`/deals/${wonDeal}`).expect(200);
    expect(deal.body.state.splits.revenue.map((s: { userId: string; shareBp: number }) => [s.userId, s.shareBp])).toEqual([[REP.id, 7000], [OTHER_REP.id, 3000]]);
    expect(deal.body.state.pendingChanges).toEqual([]);
  });

  it('lets finance close a quarter on the periods page; its statement then says so, and a later change lands as a prior-period line', async () => {
    await signInAs(FINANCE);
    await page.goto(`${url}/app/#/periods`, WAIT);
    const q1 = page.locator('[data-testid="period-row"][data-period="2026-Q1"]');
    await q1.getByTestId('period-status').filter({ hasText: 'open' }).waitFor(WAIT);
    await q1.getByRole('button', { name: 'Close…' }).click();
    await q1.getByRole('button', { name: 'Close 2026-Q1' }).click();
    await page.getByTestId('period-done').waitFor(WAIT);
    await q1.getByTestId('period-status').filter({ hasText: 'closed' }).waitFor(WAIT);
    await q1.getByText(`closed by ${FINANCE.id}`).waitFor(WAIT);
    await q1.getByRole('button', { name: 'Reopen…' }).waitFor(WAIT);
    const periods = await t.as(FINANCE).get('/commission/periods').expect(200);
    expect(periods.body.result.find((p: { period: string }) => p.period === '2026-Q1')).toMatchObject({ status: 'closed', closed: { closedBy: FINANCE.id } });
    await shoot('periods');

    await page.goto(`${url}/app/#/commission/${REP.id}?period=2026-Q1`, WAIT);
    await page.getByTestId('statement-closed').filter({ hasText: `by ${FINANCE.id}, as known at the close` }).waitFor(WAIT);

    // A split dated before the close, approved after it: Q1 stays as closed, Q2 corrects it.
    const late = await ok(REP, `/deals/${wonDeal}/splits`, {
      revenue: [{ userId: REP.id, role: 'account-executive', shareBp: 5000 }, { userId: OTHER_REP.id, role: 'account-executive', shareBp: 5000 }],
      occurredAt: '2026-03-20T10:00:00.000Z',
    });
    const q2 = await t.as(FINANCE).get(`/commission/statements/${REP.id}?period=2026-Q2&minPosition=${late.position}`).expect(200);
    const correction = (q2.body.result.lines as { lineId: string; kind: string; lineage: { priorPeriod: { frozen: string; knownNow: string } } }[])
      .find((l) => l.kind === 'prior-period');
    expect(correction).toBeDefined();
    await page.goto(`${url}/app/#/commission/${REP.id}?period=2026-Q2`, WAIT);
    const row = page.locator(`[data-testid="statement-line"][data-line-id="${correction!.lineId}"]`);
    await row.getByText('correction of 2026-Q1').waitFor(WAIT);
    await row.getByRole('button', { name: 'Lineage' }).click();
    const prior = page.getByTestId('prior-period');
    await prior.getByText(`${Number(correction!.lineage.priorPeriod.frozen).toLocaleString('en-US', { minimumFractionDigits: 2 })} EUR`).first().waitFor(WAIT);
    await prior.getByText(`${Number(correction!.lineage.priorPeriod.knownNow).toLocaleString('en-US', { minimumFractionDigits: 2 })} EUR`).first().waitFor(WAIT);
    await prior.getByText('CreditSplitsSet').first().waitFor(WAIT);
    await shoot('statement-prior-period');
  });

  it('has a large dispute acceptance wait for a second finance user, who approves it', async () => {
    const second: TestActor = { id: 'gus.finance', roles: ['finance'] };
    await t.registerUser(second);
    await signInAs(FINANCE);
    await page.goto(`${url}/app/#/disputes`, WAIT);
    await page.getByTestId('dispute-row').first().getByRole('link').click();
    await page.getByLabel('amount').first().fill('6000.00');
    await page.locator('#reason').fill('The split at the close was 70/30');
    await page.getByRole('button', { name: 'Accept and adjust' }).click();
    await page.getByTestId('dispute-done').filter({ hasText: 'waits for a second finance user' }).waitFor(WAIT);
    await page.getByTestId('second-approval').getByText('another finance user must approve it').waitFor(WAIT);

    await signInAs(second);
    await page.goto(`${url}/app/#/disputes`, WAIT);
    await page.getByLabel('Show').selectOption('awaiting-approval');
    await page.getByTestId('dispute-row').filter({ hasText: 'awaiting-approval' }).getByRole('link').click();
    const approval = page.getByTestId('second-approval');
    await approval.getByText(`Accepted by ${FINANCE.id}`).waitFor(WAIT);
    await approval.getByRole('cell', { name: '6,000.00 EUR' }).waitFor(WAIT);
    await shoot('dispute-second-approval');
    await approval.getByLabel('Reason').fill('Checked against the signed order');
    await approval.getByRole('button', { name: 'Approve' }).click();
    await page.getByTestId('dispute-done').filter({ hasText: 'Accepted' }).waitFor(WAIT);
    await page.locator('.page-head .status').filter({ hasText: 'accepted' }).waitFor(WAIT);
    await page.getByText(`${FINANCE.id}, approved by ${second.id}`).waitFor(WAIT);
    await page.getByTestId('adjustment-line').filter({ hasText: '6,000.00 EUR' }).filter({ hasText: REP.id }).waitFor(WAIT);
    await shoot('dispute-accepted');
  });

  it('shows terms beyond the deal desk\'s limits waiting on the deal page; the manager approves them with a reason on the approvals page, and the deal may close', async () => {
    const dealId = await openAcme(t, REP);
    for (const stage of ['qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed']) {
      await ok(MANAGER, `/deals/${dealId}/stage/override`, { toStageId: stage, reason: 'Entered from the old CRM', occurredAt: '2026-02-01T10:00:00.000Z' });
    }
    const terms = await ok(REP, `/deals/${dealId}/terms`, { price: '80000.00', paymentTerms: 'Net 90', deliveryTimeline: 'Q3', evidence: email('<terms-80k@acme.example>') });
    expect(terms.dealDeskRequestId).toEqual(expect.any(String));
    const close = { signedOrder: { kind: 'signature', ref: 'order-desk' } };
    expect((await t.as(REP).post(`/deals/${dealId}/close-won`, close).expect(409)).body.error).toBe('DEAL.DEAL_DESK_APPROVAL_PENDING');

    await signInAs(REP);
    await page.goto(`${url}/app/#/deal/${dealId}`, WAIT);
    const waiting = page.getByTestId('deal-desk').getByTestId('approval');
    await waiting.getByText('Terms for the deal desk').waitFor(WAIT);
    await waiting.getByText('payment terms longer than the deal desk allows, or not in days').waitFor(WAIT);
    await waiting.getByText('Waits for a manager of the deal\'s owner').waitFor(WAIT);

    await signInAs(MANAGER);
    await page.goto(`${url}/app/#/approvals`, WAIT);
    const item = page.getByTestId('approval').filter({ hasText: 'Terms for the deal desk' });
    await item.getByText('price 80,000.00 EUR, 20% off 100,000.00 EUR (limit 15%); payment terms “Net 90”, 90 days (limit 60 days)').waitFor(WAIT);
    await shoot('approvals-deal-desk');
    await item.getByRole('button', { name: 'Approve…' }).click();
    await item.getByLabel('Why approve these terms?').fill('Three-year commitment');
    await item.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByTestId('approval-done').filter({ hasText: 'Approved the terms' }).waitFor(WAIT);
    await item.waitFor({ state: 'detached', ...WAIT });
    const state = (await t.as(REP).get(`/deals/${dealId}`).expect(200)).body.state;
    expect(state.dealDesk).toMatchObject({ requestId: terms.dealDeskRequestId, status: 'approved', decidedBy: MANAGER.id, decisionReason: 'Three-year commitment' });
    await ok(REP, `/deals/${dealId}/close-won`, close);
  });

  it('gives finance the payees of a quarter to pick from, by name, and exports the quarter\'s statements as CSV', async () => {
    await signInAs(FINANCE);
    await page.goto(`${url}/app/#/commission?period=2026-Q1`, WAIT);
    const ana = page.locator(`[data-testid="payee"][data-user-id="${REP.id}"]`);
    await ana.waitFor(WAIT);
    const payees = (await t.as(FINANCE).get('/commission/periods/2026-Q1/payees').expect(200)).body.result as { userId: string }[];
    expect(await page.getByTestId('payee').count()).toBe(payees.length);
    await shoot('payees');

    const [file] = await Promise.all([page.waitForEvent('download', WAIT), page.getByRole('button', { name: 'Export statements (CSV)' }).click()]);
    expect(file.suggestedFilename()).toBe('statements-2026-Q1.csv');
    const lines = readFileSync(await file.path(), 'utf8').trim().split('\n');
    expect(lines[0]).toBe(STATEMENT_CSV_COLUMNS.join(','));
    const statement = (await t.as(FINANCE).get(`/commission/statements/${REP.id}?period=2026-Q1`).expect(200)).body.result as { lines: { lineId: string }[] };
    expect(lines.filter((l) => l.includes(`,${REP.id},`))).toHaveLength(statement.lines.length);

    await ana.getByRole('link').click();
    const line = page.locator(`[data-testid="statement-line"][data-line-id="${statement.lines[0].lineId}"]`);
    await line.getByText('Acme rollout').waitFor(WAIT);
    expect(await line.textContent()).not.toContain(statement.lines[0].lineId.slice(0, 8));
    // In the next quarter a second person is on a plan: pick them from the payees instead of typing an id.
    await ok(FINANCE, '/commission/assignments', { userId: OTHER_REP.id, planId: 'ae-fy26', effectiveFrom: '2026-04-01', currency: 'EUR' });
    await page.getByRole('button', { name: 'next quarter' }).click();
    await page.getByTestId('period').filter({ hasText: '2026-Q2' }).waitFor(WAIT);
    await page.getByLabel('Payee', { exact: true }).selectOption(OTHER_REP.id);
    await page.getByRole('heading', { name: `Commission · ${OTHER_REP.id}` }).waitFor(WAIT);
  });

  it('asks each page\'s data once: no path is requested again and again without a user action', async () => {
    const dispute = (await t.as(FINANCE).get('/board/disputes').expect(200)).body.result[0] as { disputeId: string };
    await signInAs(FINANCE);
    const pages: [string, string][] = [
      ['board', '[data-testid="deal-card"]'],
      [`deal/${wonDeal}`, '[data-testid="timeline"]'],
      ['post-close', '[data-testid="post-close-card"]'],
      ['charts', '.bars'],
      ['commission?period=2026-Q1', '[data-testid="payee"]'],
      [`commission/${REP.id}?period=2026-Q1`, '[data-testid="statement-line"]'],
      ['disputes', 'h1'],
      [`disputes/${dispute.disputeId}`, '[data-testid="recon-line"]'],
      ['approvals', 'h1'],
      ['periods', '[data-testid="period-row"]'],
    ];
    for (const [path, shown] of pages) {
      watch.reset();
      await page.goto(`${url}/app/#/${path}`, WAIT);
      await page.locator(shown).first().waitFor(WAIT);
      await page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('[aria-busy="true"]'), undefined, WAIT);
      await watch.settled();
      const unprompted = await page.waitForRequest((r) => watch.isApi(r), { timeout: QUIET_MS }).then((r) => r.url(), () => null);
      expect({ path, unprompted, repeated: watch.repeated() }).toEqual({ path, unprompted: null, repeated: [] });
    }
  });

  it('invites a rep by link: she sets a password, signs in with it (an HttpOnly cookie session) and signs out on the server', async () => {
    const invited = { id: 'nina.new', roles: ['rep'], managerId: MANAGER.id, name: 'Nina New' };
    await t.registerUser(invited);
    const link = await t.as(ADMIN).post(`/users/${invited.id}/invitation`, {}).expect(201);
    // A fresh page load, as when the link is opened from an e-mail: nothing of the previous sign-in stays.
    await page.evaluate(() => (globalThis as unknown as { sessionStorage: { clear(): void } }).sessionStorage.clear());
    await page.goto('about:blank');
    await page.goto(link.body.url.replace(/^https?:\/\/[^/]+/, url), WAIT);
    await page.getByRole('heading', { name: 'Set your password' }).waitFor(WAIT);
    await shoot('set-password');
    await page.getByLabel('New password', { exact: true }).fill('nina picks a long passphrase');
    await page.getByLabel('The same password again').fill('nina picks a long passphrase');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('heading', { name: 'Password set' }).waitFor(WAIT);
    expect(page.url()).not.toContain(link.body.token);
    await page.getByRole('link', { name: 'Go to sign in' }).click();

    await page.locator('#user-id').waitFor(WAIT);
    expect(await page.locator('#user-id').inputValue()).toBe(invited.id);
    await page.locator('#password').fill('not her password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').getByText('The user id or the password is wrong.').waitFor(WAIT);
    await page.locator('#password').fill('nina picks a long passphrase');
    await shoot('sign-in');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('signed-in-as').getByText('Nina New').waitFor(WAIT);
    const cookies = await browser.cookies(url);
    expect(cookies.find((c) => c.name === 'deals_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie)).not.toContain('deals_session');

    // A reload keeps the session (the cookie) and fetches its CSRF token again: the sign-out POST below needs it,
    // and the old cookie is refused afterwards only if the server ended the session.
    await page.reload(WAIT);
    await page.getByTestId('signed-in-as').getByText('Nina New').waitFor(WAIT);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#user-id').waitFor(WAIT);
    const after = await t.withHeaders({ Cookie: `deals_session=${cookies.find((c) => c.name === 'deals_session')!.value}` }).get('/users/me');
    expect(after.status).toBe(401);
    expect(after.body.error).toBe('AUTH.SESSION_INVALID');
  });

  it('lets a rep keep a default team offered on new deals, and add an offered member from the deal page', async () => {
    await t.registerUser({ id: 'sam.se', roles: ['rep'] });
    await signInAs(OTHER_REP);
    await page.goto(`${url}/app/#/team`, WAIT);
    const row = page.getByTestId('team-row').first();
    await row.getByLabel('person').fill('sam.se');
    await row.getByLabel('deal-team role').selectOption('sales-engineer');
    await row.getByLabel('what they may do').selectOption('record-facts');
    await page.getByLabel('offered on each new deal, for its rep to pick from').check();
    await page.getByRole('button', { name: 'Save team' }).click();
    await page.getByText('The team recorded.').waitFor(WAIT);
    await shoot('default-team');
    const team = (await t.as(OTHER_REP).get(`/users/${OTHER_REP.id}/default-team`).expect(200)).body;
    expect(team).toMatchObject({ mode: 'offer', members: [{ userId: 'sam.se', role: 'sales-engineer', access: 'record-facts' }] });

    const dealId = (await ok(OTHER_REP, '/deals', { name: 'Initech pilot', account: { name: 'Initech' }, currency: 'EUR', expectedAmount: '5000.00' })).dealId;
    await page.goto(`${url}/app/#/deal/${dealId}`, WAIT);
    const offered = page.getByTestId('offered-team');
    await offered.getByText('from ben.ae\'s default team').waitFor(WAIT);
    await offered.getByRole('button', { name: 'Add sam.se as sales-engineer' }).click();
    await offered.waitFor({ state: 'detached', ...WAIT });
    const state = (await t.as(OTHER_REP).get(`/deals/${dealId}`).expect(200)).body.state;
    expect(state.team).toContainEqual({ userId: 'sam.se', role: 'sales-engineer', access: 'record-facts' });
  });

  it('lets sales-ops set an account\'s team, which joins the next deal of the account', async () => {
    await signInAs(OPS);
    await page.goto(`${url}/app/#/account-team`, WAIT);
    await page.getByLabel('Account').fill('Umbrella Corp');
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { name: 'Account team: Umbrella Corp' }).waitFor(WAIT);
    const row = page.getByTestId('team-row').first();
    await row.getByLabel('person').fill('sam.se');
    await row.getByLabel('what they may do').selectOption('read');
    await page.getByLabel('added to each new deal automatically').check();
    await page.getByRole('button', { name: 'Save team' }).click();
    await page.getByText('The team recorded.').waitFor(WAIT);
    await page.getByTestId('account-teams').getByRole('link', { name: 'Umbrella Corp' }).waitFor(WAIT);
    await shoot('account-team');

    const opened = await ok(REP, '/deals', { name: 'Umbrella pilot', account: { name: 'umbrella corp' }, currency: 'EUR', expectedAmount: '5000.00' });
    const state = (await t.as(REP).get(`/deals/${opened.dealId}`).expect(200)).body.state;
    expect(state.team).toContainEqual({ userId: 'sam.se', role: 'sales-engineer', access: 'read', source: { kind: 'account-team', account: 'Umbrella Corp' } });
  });

  it('ran every page without a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
