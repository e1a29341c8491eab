import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { STATEMENT_CSV_COLUMNS } from '../src/commission/payees/statements-csv';
import { ADMIN, FINANCE, REP, TestApp } from '../src/testing/test-app';
import { dashboardBrowser, seedDispute, seedPlan, seedWonDeal, WAIT } from './support/dashboard-browser';

// Finance's day in the dashboard: signs in with a password, resolves a rep's dispute with an
// adjustment, and exports the quarter's statements with the adjustment in them.

jest.setTimeout(180_000);

const PASSWORD = 'finance keeps a long passphrase';

describe('the dashboard in a browser: finance signs in, resolves a dispute and exports statements', () => {
  const d = dashboardBrowser();
  const { shoot } = d;
  let t: TestApp;
  let url: string;
  let page: Page;
  let disputeId: string;

  beforeAll(async () => {
    ({ t, url, page } = d);
    await seedPlan(d);
    disputeId = await seedDispute(d, await seedWonDeal(d));
    const link = await t.as(ADMIN).post(`/users/${FINANCE.id}/invitation`, {}).expect(201);
    await t.withHeaders({}).post('/auth/password', { userId: FINANCE.id, token: link.body.token, password: PASSWORD }).expect(200);
  });

  it('signs finance in with a password', async () => {
    await page.goto(`${url}/app/`, WAIT);
    await page.locator('#user-id').fill(FINANCE.id);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('signed-in-as').waitFor(WAIT);
    expect((await d.browser.cookies(url)).find((c) => c.name === 'deals_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });

  it('resolves the dispute from the queue: accepted with an adjustment to the rep, shown on the dispute', async () => {
    await page.goto(`${url}/app/#/disputes`, WAIT);
    await page.getByTestId('dispute-row').filter({ hasText: REP.id }).getByRole('link').click();
    await page.getByRole('heading', { name: 'As known at close vs as known now' }).waitFor(WAIT);
    await page.getByLabel('Period', { exact: true }).first().fill('2026-Q2');
    await page.getByLabel('amount').first().fill('750.00');
    await page.locator('#reason').fill('The split at the close was 70/30');
    await shoot('finance-dispute-resolve');
    await page.getByRole('button', { name: 'Accept and adjust' }).click();
    await page.getByTestId('dispute-done').filter({ hasText: 'Accepted' }).waitFor(WAIT);
    await page.getByTestId('adjustment-line').filter({ hasText: '750.00 EUR' }).filter({ hasText: REP.id }).waitFor(WAIT);
    const dispute = await t.as(FINANCE).get(`/commission/disputes/${disputeId}`).expect(200);
    expect(dispute.body.dispute).toMatchObject({ status: 'accepted', adjustments: [expect.objectContaining({ userId: REP.id, period: '2026-Q2', amountMinor: 75000 })] });
  });

  it("exports the quarter's statements as CSV, the adjustment among the rep's lines", async () => {
    await page.goto(`${url}/app/#/commission?period=2026-Q2`, WAIT);
    await page.getByRole('button', { name: 'Export statements (CSV)' }).waitFor(WAIT);
    await shoot('finance-payees');
    const [file] = await Promise.all([page.waitForEvent('download', WAIT), page.getByRole('button', { name: 'Export statements (CSV)' }).click()]);
    expect(file.suggestedFilename()).toBe('statements-2026-Q2.csv');
    const [header, ...rows] = readFileSync(await file.path(), 'utf8').trim().split('\n').map((line) => line.split(','));
    expect(header).toEqual([...STATEMENT_CSV_COLUMNS]);
    const at = (row: string[], column: (typeof STATEMENT_CSV_COLUMNS)[number]) => row[STATEMENT_CSV_COLUMNS.indexOf(column)];
    const adjustments = rows.filter((row) => at(row, 'userId') === REP.id && at(row, 'amount') === '750.00');
    expect(adjustments).toHaveLength(1);
    expect(at(adjustments[0], 'currency')).toBe('EUR');
  });

  it('ran every page without a script error', () => {
    expect(d.pageErrors).toEqual([]);
  });
});
