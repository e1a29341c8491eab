import { Page } from 'playwright-core';
import { email, FINANCE, MANAGER, OTHER_REP, REP } from '../src/testing/test-app';
import { dashboardBrowser, WAIT } from './support/dashboard-browser';

// KPIs per rep and team and quota standing, on the KPIs page and on a rep's commission page.

jest.setTimeout(180_000);

describe('KPIs and quota standing on the dashboard', () => {
  const d = dashboardBrowser();
  const { ok, shoot, signInAs } = d;
  let url: string;
  let page: Page;
  const pageErrors = d.pageErrors;

  beforeAll(async () => {
    ({ url, page } = d);
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
