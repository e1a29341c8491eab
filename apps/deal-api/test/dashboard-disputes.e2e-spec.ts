import { Page } from 'playwright-core';
import { FINANCE, MANAGER, REP, TestActor, TestApp } from '../src/testing/test-app';
import { dashboardBrowser, seedDispute, seedPlan, seedWonDeal, WAIT } from './support/dashboard-browser';

// A rep's dispute in their manager's queue and finance's; an acceptance above the threshold waits
// for a second finance user, who approves it.

jest.setTimeout(180_000);

describe('the dashboard in a browser: disputes', () => {
  const d = dashboardBrowser();
  const { shoot, signInAs } = d;
  let t: TestApp;
  let url: string;
  let page: Page;

  beforeAll(async () => {
    ({ t, url, page } = d);
    await seedPlan(d);
    await seedDispute(d, await seedWonDeal(d));
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

  it('ran every page without a script error', () => {
    expect(d.pageErrors).toEqual([]);
  });
});
