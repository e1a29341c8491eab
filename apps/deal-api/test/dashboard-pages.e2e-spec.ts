import { Page } from 'playwright-core';
import { FINANCE, REP, TestApp } from '../src/testing/test-app';
import { dashboardBrowser, QUIET_MS, seedDispute, seedEngagedDeal, seedPlan, seedWonDeal, WAIT } from './support/dashboard-browser';

// Every page in turn, with data to show.

jest.setTimeout(180_000);

describe('the dashboard in a browser: every page', () => {
  const d = dashboardBrowser();
  const { signInAs } = d;
  let t: TestApp;
  let url: string;
  let page: Page;
  let wonDeal: string;

  beforeAll(async () => {
    ({ t, url, page } = d);
    await seedPlan(d);
    await seedEngagedDeal(d);
    wonDeal = await seedWonDeal(d);
    await seedDispute(d, wonDeal);
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
      d.watch.reset();
      await page.goto(`${url}/app/#/${path}`, WAIT);
      await page.locator(shown).first().waitFor(WAIT);
      await page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('[aria-busy="true"]'), undefined, WAIT);
      await d.watch.settled();
      const unprompted = await page.waitForRequest((r) => d.watch.isApi(r), { timeout: QUIET_MS }).then((r) => r.url(), () => null);
      expect({ path, unprompted, repeated: d.watch.repeated() }).toEqual({ path, unprompted: null, repeated: [] });
    }
  });

  it('ran every page without a script error', () => {
    expect(d.pageErrors).toEqual([]);
  });
});
