import { Page } from 'playwright-core';
import { MANAGER, REP, TestApp } from '../src/testing/test-app';
import { dashboardBrowser, seedEngagedDeal, WAIT } from './support/dashboard-browser';

// The pipeline board and a deal page: a deal moves column live when a fact is recorded through the
// API, its page shows the missing exit criteria, the board flags stuck deals and filters.

jest.setTimeout(180_000);

describe('the dashboard in a browser: the board and a deal', () => {
  const d = dashboardBrowser();
  const { ok, shoot, signInAs, card } = d;
  let t: TestApp;
  let url: string;
  let page: Page;
  let movingDeal: string;

  beforeAll(async () => {
    ({ t, url, page } = d);
    movingDeal = await seedEngagedDeal(d);
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

  it('ran every page without a script error', () => {
    expect(d.pageErrors).toEqual([]);
  });
});
