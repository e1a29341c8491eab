import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { oidcSettingsFromEnv } from '../src/config/oidc-settings';
import { createTestApp, email, MANAGER, openAcme, REP, TestApp } from '../src/testing/test-app';
import { ensureDashboardBuilt, openBrowser, shoot } from './support/dashboard-browser';
import { freePort, startOidcProvider, TestProvider } from './support/oidc-provider';

// A manager signs in to the dashboard through the organisation's OpenID provider (a real
// oidc-provider on loopback, its own login page), works the board and a deal, and a refused
// sign-in is explained on the sign-in page. Screenshots go to test-artifacts/dashboard/.

jest.setTimeout(180_000);

const WAIT = { timeout: 15_000 };
const CLIENT = { clientId: 'deal-engine', clientSecret: 'e2e-client-secret-5b2d' };

describe('single sign-on in the dashboard', () => {
  let provider: TestProvider;
  let t: TestApp;
  let url: string;
  let dataDir: string;
  let page: Page;
  let closeBrowser: () => Promise<void>;
  let stuckDeal: string;
  let freshDeal: string;
  const pageErrors: string[] = [];

  const card = (stageId: string, dealId: string) => page.locator(`[data-stage-id="${stageId}"] [data-deal-id="${dealId}"]`);

  beforeAll(async () => {
    ensureDashboardBuilt();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({
      ...CLIENT, redirectUris: [`${url}/auth/oidc/callback`],
      accounts: { maria: { email: 'maria@example.com', email_verified: true, name: 'Maria Manager', preferred_username: MANAGER.id, groups: ['sales-managers'] } },
    });
    const oidc = oidcSettingsFromEnv({
      OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: CLIENT.clientId, OIDC_CLIENT_SECRET: CLIENT.clientSecret, PUBLIC_URL: url,
      OIDC_SCOPES: 'openid email profile groups', OIDC_USER_CLAIM: 'preferred_username', OIDC_ROLE_MAP: 'sales-managers:manager', OIDC_PROVIDER_NAME: 'Test IdP',
    });
    dataDir = mkdtempSync(join(tmpdir(), 'sso-e2e-'));
    t = await createTestApp(dataDir, { accounts: { publicUrl: url }, oidc });
    await t.app.listen(port, '127.0.0.1');

    stuckDeal = await openAcme(t, REP);
    await t.as(REP).post(`/deals/${stuckDeal}/buyer-responses`, { evidence: email('<reply-1@acme.example>'), occurredAt: '2026-01-06T10:00:00.000Z' }).expect(201);
    freshDeal = (await t.as(REP).post('/deals', { name: 'Fresh pilot', account: { name: 'Initech' }, currency: 'EUR', expectedAmount: '5000.00' }).expect(201)).body.dealId;

    const opened = await openBrowser();
    page = opened.page;
    closeBrowser = opened.close;
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await closeBrowser?.();
    await t?.close();
    await provider?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs a manager in by the button on the sign-in page and the provider\'s own login page, onto the board', async () => {
    await page.goto(`${url}/app/`, WAIT);
    const button = page.getByRole('button', { name: 'Sign in with Test IdP' });
    await button.waitFor(WAIT);
    await shoot(page, 'sso-sign-in');
    await button.click();

    await page.waitForURL((u) => u.origin === provider.issuer, WAIT);
    await page.locator('input[name="login"]').fill('maria');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();

    await page.waitForURL(`${url}/app/`, WAIT);
    await page.getByTestId('signed-in-as').filter({ hasText: MANAGER.id }).waitFor(WAIT);
    expect(await page.getByTestId('signed-in-as').getAttribute('title')).toBe('manager');
    const cookies = await page.context().cookies(url);
    expect(cookies.find((c) => c.name === 'deals_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === 'deals_oidc')).toBeUndefined();
  });

  it('filters the board by owner and stuck deals, with the stuck deal flagged', async () => {
    const stuck = (await t.as(MANAGER).get('/pipeline/stuck?limit=1000').expect(200)).body.result as { items: { dealId: string }[] };
    expect(stuck.items.map((d) => d.dealId)).toContain(stuckDeal);
    expect(stuck.items.map((d) => d.dealId)).not.toContain(freshDeal);

    await page.goto(`${url}/app/#/board`, WAIT);
    await card('engaged', stuckDeal).getByTestId('stuck-flag').waitFor(WAIT);
    await card('engaged', freshDeal).waitFor(WAIT);
    expect(await card('engaged', freshDeal).getByTestId('stuck-flag').count()).toBe(0);

    await page.getByLabel('Owner', { exact: true }).selectOption(REP.id);
    await page.getByLabel('Stuck only', { exact: true }).check();
    await card('engaged', freshDeal).waitFor({ state: 'detached', ...WAIT });
    await card('engaged', stuckDeal).waitFor(WAIT);
    await shoot(page, 'sso-board-filtered');
  });

  it('opens the deal and overrides its stage with a reason on the deal page', async () => {
    await card('engaged', stuckDeal).locator('a').click();
    await page.getByTestId('deal-stage').filter({ hasText: 'Engaged' }).waitFor(WAIT);
    await page.getByTestId('open-OverrideStage').click();
    const override = page.getByTestId('form-OverrideStage');
    await override.getByLabel('Move to').selectOption({ label: 'Qualified' });
    await override.getByLabel('Reason').fill('Qualified on the call; the CRM lost the notes');
    await override.getByRole('button', { name: 'Override' }).click();
    await page.getByTestId('deal-stage').filter({ hasText: 'Qualified' }).waitFor(WAIT);
    await page.getByTestId('timeline').getByText('StageOverridden').waitFor(WAIT);
    const { events } = (await t.as(MANAGER).get(`/deals/${stuckDeal}/events?limit=100`).expect(200)).body as { events: { type: string; metadata: { actor: { id: string } } }[] };
    expect(events.find((e) => e.type === 'StageOverridden')?.metadata.actor.id).toBe(MANAGER.id);
    await shoot(page, 'sso-deal-overridden');
  });

  it('explains a refused sign-in on the sign-in page, in words', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with Test IdP' }).waitFor(WAIT);
    // The provider's answer arriving in a browser that never started a sign-in (as a forged link would).
    await page.goto(`${url}/auth/oidc/callback?code=forged&state=forged`, WAIT);
    await page.getByRole('alert').filter({ hasText: 'took too long or was started in another browser' }).waitFor(WAIT);
    expect(new URL(page.url()).hash).toBe('#/');
    await shoot(page, 'sso-refused');
    expect(pageErrors).toEqual([]);
  });
});
