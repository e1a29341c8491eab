import { Page } from 'playwright-core';
import { email, FINANCE, MANAGER, openAcme, OTHER_REP, REP, TestApp } from '../src/testing/test-app';
import { dashboardBrowser, seedPlan, seedWonDeal, WAIT } from './support/dashboard-browser';

// Changes that wait for approval (a split, terms beyond the deal desk) approved on the Approvals
// page; a quarter closed on the Periods page and a later change landing as a prior-period line.

jest.setTimeout(180_000);

describe('the dashboard in a browser: approvals and periods', () => {
  const d = dashboardBrowser();
  const { ok, shoot, signInAs } = d;
  let t: TestApp;
  let url: string;
  let page: Page;
  let wonDeal: string;

  beforeAll(async () => {
    ({ t, url, page } = d);
    await seedPlan(d);
    wonDeal = await seedWonDeal(d);
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

  it('ran every page without a script error', () => {
    expect(d.pageErrors).toEqual([]);
  });
});
