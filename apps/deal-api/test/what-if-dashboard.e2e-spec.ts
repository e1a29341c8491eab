import { Page } from 'playwright-core';
import { SECURITY_REVIEW_V2 } from '@deals/domain/pipeline/testing/security-review-pipeline';
import { email, OPS, REP } from '../src/testing/test-app';
import { dashboardBrowser, WAIT } from './support/dashboard-browser';
import { expectKeyboardReach } from './support/accessibility';

// Sales-ops open the What if page, compare version 1 with version 2 of the default pipeline over
// the recorded history, and switch the baseline.

jest.setTimeout(180_000);

describe('the what-if page on the dashboard', () => {
  const d = dashboardBrowser();
  const { ok, shoot, signInAs } = d;
  let url: string;
  let page: Page;

  beforeAll(async () => {
    ({ url, page } = d);
    const { pipelineId: _id, ...v2 } = SECURITY_REVIEW_V2;
    const published = await d.t.as(OPS).post('/pipelines/default/versions', v2);
    if (published.status !== 201) throw new Error(JSON.stringify(published.body));
    for (const name of ['Alpha', 'Bravo']) {
      const { dealId } = await ok(REP, '/deals', {
        name, account: { name }, currency: 'EUR', expectedAmount: '1000.00', team: [{ userId: REP.id, role: 'account-executive' }], occurredAt: '2026-01-05T09:00:00.000Z',
      });
      await ok(REP, `/deals/${dealId}/buyer-responses`, { evidence: email(`<r-${name}>`), occurredAt: '2026-01-06T09:00:00.000Z' });
      await ok(REP, `/deals/${dealId}/meetings`, { meetingId: `m-${name}`, scheduledFor: '2026-01-20T09:00:00.000Z', evidence: { kind: 'calendar', ref: `m-${name}` }, occurredAt: '2026-01-06T09:00:00.000Z' });
    }
  });

  it('shows version 1 beside version 2, the extra stage on one side only', async () => {
    await signInAs(OPS);
    await page.getByRole('link', { name: 'What if' }).click();
    await page.goto(`${url}/app/#/what-if?pipeline=default&baseline=1&candidate=2`, WAIT);
    const security = page.locator('[data-testid="what-if-stage"][data-stage-id="security-review-passed"]');
    await security.waitFor(WAIT);
    expect(await security.textContent()).toContain('not a stage of version 1');
    // Both deals met Engaged's criteria on 01-06: 2 entered, 100% moved on, one day each.
    const engaged = page.locator('[data-testid="what-if-stage"][data-stage-id="engaged"]');
    expect((await engaged.locator('td').allTextContents()).slice(0, 4)).toEqual(['2', '100%', '1 d', '1 d']);
    await shoot('what-if');
    await expectKeyboardReach(page, 'what-if');
  });

  it('switches the baseline from the labelled picker', async () => {
    await page.getByLabel('Baseline version').selectOption('2');
    await page.waitForURL(/baseline=2/, WAIT);
    const security = page.locator('[data-testid="what-if-stage"][data-stage-id="security-review-passed"]');
    // Both sides are version 2 now: the stage's "not a stage of version 1" cell goes.
    await security.locator('td.muted').waitFor({ state: 'detached', ...WAIT });
    expect(await security.textContent()).not.toContain('not a stage');
  });

  it('ran without a script error', () => {
    expect(d.pageErrors).toEqual([]);
  });
});
