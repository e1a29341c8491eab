import { Page } from 'playwright-core';
import { ADMIN, MANAGER, OPS, OTHER_REP, REP, TestApp } from '../src/testing/test-app';
import { dashboardBrowser, WAIT } from './support/dashboard-browser';

// An invited rep sets a password, signs in with a cookie session and out; default and account teams.

jest.setTimeout(180_000);

describe('the dashboard in a browser: accounts and teams', () => {
  const d = dashboardBrowser();
  const { ok, shoot, signInAs } = d;
  let t: TestApp;
  let url: string;
  let page: Page;

  beforeAll(async () => {
    ({ t, url, page } = d);
  });

  it('invites a rep by link: she sets a password, signs in with it (an HttpOnly cookie session) and signs out on the server', async () => {
    const invited = { id: 'nina.new', roles: ['rep'], managerId: MANAGER.id, name: 'Nina New' };
    await t.registerUser(invited);
    const link = await t.as(ADMIN).post(`/users/${invited.id}/invitation`, {}).expect(201);
    // A fresh page load, as when the link is opened from an e-mail: nothing of the previous sign-in stays.
    if (page.url().startsWith(url)) await page.evaluate(() => (globalThis as unknown as { sessionStorage: { clear(): void } }).sessionStorage.clear());
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
    const cookies = await d.browser.cookies(url);
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
    expect(d.pageErrors).toEqual([]);
  });
});
