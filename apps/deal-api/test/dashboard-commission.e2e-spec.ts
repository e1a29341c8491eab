import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { STATEMENT_CSV_COLUMNS } from '../src/commission/payees/statements-csv';
import { FINANCE, OTHER_REP, REP, TestApp } from '../src/testing/test-app';
import { dashboardBrowser, DESK, PHONE, ROOT, seedPlan, seedWonDeal, WAIT } from './support/dashboard-browser';
import { expectAccessible } from './support/accessibility';

// A rep's statement, a line's lineage and a dispute raised from it; finance's payees and the CSV export.

jest.setTimeout(180_000);

describe('the dashboard in a browser: commission and lineage', () => {
  const d = dashboardBrowser();
  const { ok, shoot, signInAs } = d;
  let t: TestApp;
  let url: string;
  let page: Page;

  beforeAll(async () => {
    ({ t, url, page } = d);
    await seedPlan(d);
    await seedWonDeal(d);
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

  it('updates the rep\'s open statement live, at phone width, when one of their deals is closed won through the API, and reads nothing for a change that moves no pay', async () => {
    const dealId = await seedWonDeal(d, false);
    await signInAs(REP);
    await page.setViewportSize(PHONE);
    await page.goto(`${url}/app/#/commission/${REP.id}`, WAIT);
    await page.getByTestId('statement-total').waitFor(WAIT);
    await page.getByTestId('live-status').filter({ hasText: 'live' }).waitFor(WAIT);
    const period = await page.getByTestId('period').textContent();
    const line = page.locator(`[data-testid="statement-line"][data-line-id^="${dealId}:"]`);
    expect(await line.count()).toBe(0);
    await page.evaluate(() => { (globalThis as Record<string, unknown>).sameDocument = true; });
    d.watch.reset();

    // A team change moves no pay; the close after it does. The feed keeps their order, so once the
    // close shows, the team change has been seen and left alone.
    const team = await ok(REP, `/deals/${dealId}/team`, { userId: OTHER_REP.id, role: 'sales-engineer' });
    await ok(REP, `/deals/${dealId}/close-won`, { signedOrder: { kind: 'signature', ref: 'order-live', url: 'https://docs.example/order-live' } });
    await line.first().waitFor(WAIT);
    await page.locator(`[data-testid="statement-line"][data-fresh="true"][data-line-id^="${dealId}:"]`).first().waitFor(WAIT);
    await page.getByTestId('updated').filter({ hasText: 'updated' }).first().waitFor(WAIT);
    expect(await page.evaluate(() => (globalThis as Record<string, unknown>).sameDocument)).toBe(true);
    await expectAccessible(page, 'statement updated live (phone)');
    await page.screenshot({ path: join(ROOT, 'test-artifacts', 'dashboard', 'statement-live-phone.png'), fullPage: true });

    const statement = (await t.as(REP).get(`/commission/statements/${REP.id}?period=${period}`).expect(200)).body.result as { lines: { lineId: string }[] };
    expect(await line.count()).toBe(statement.lines.filter((l) => l.lineId.startsWith(`${dealId}:`)).length);
    const asked = d.watch.requested();
    expect(asked.filter((r) => r.includes(`minPosition=${team.position}&`))).toEqual([]);
    expect(asked.filter((r) => r.startsWith(`GET /commission/statements/${REP.id}?period=${period}&minPosition=`))).toHaveLength(1);
    await page.setViewportSize(DESK);
  });

  it('ran every page without a script error', () => {
    expect(d.pageErrors).toEqual([]);
  });
});
