import { Page, Route } from 'playwright-core';
import { ADMIN, FINANCE, MANAGER, OPS, OTHER_REP, REP, TestActor, TestApp } from '../src/testing/test-app';
import { dashboardBrowser, openRoute, seedDispute, seedEngagedDeal, seedPlan, seedWonDeal, unpromptedRequests, WAIT } from './support/dashboard-browser';
import { expectAccessible, expectAccessibleAtBothWidths, expectKeyboardReach, tabTo } from './support/accessibility';

// Every page in turn, with data to show: each asks for its data once, passes axe-core at desk and
// phone width, and can be worked with the keyboard alone (Tab reaches every control, Enter or
// Space runs the page's main action).

jest.setTimeout(180_000);

describe('the dashboard in a browser: every page', () => {
  const d = dashboardBrowser();
  const { signInAs } = d;
  let t: TestApp;
  let url: string;
  let page: Page;
  let wonDeal: string;
  let openDeal: string;
  let disputeId: string;

  beforeAll(async () => {
    ({ t, url, page } = d);
    await seedPlan(d);
    openDeal = await seedEngagedDeal(d);
    wonDeal = await seedWonDeal(d);
    disputeId = await seedDispute(d, wonDeal);
    // A split after the close waits for the manager: the Approvals page has an item to act on.
    const split = { revenue: [{ userId: REP.id, role: 'account-executive', shareBp: 7000 }, { userId: OTHER_REP.id, role: 'account-executive', shareBp: 3000 }] };
    await t.as(REP).post(`/deals/${wonDeal}/splits`, split).expect(201);
  });

  /** Opens a page as someone, waits for what it shows and for its requests to be answered. */
  const open = async (actor: TestActor, path: string, shown: string) => {
    await signInAs(actor);
    await openRoute(page, url, path, shown);
    await page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('[aria-busy="true"]'), undefined, WAIT);
    await d.watch.settled();
  };

  /** Each page: who opens it, where, what shows it is there, and its main action done by keyboard. */
  const PAGES: { name: string; actor: TestActor; path: () => string; shown: string; act?: () => Promise<void> }[] = [
    {
      name: 'board', actor: MANAGER, path: () => 'board', shown: '[data-testid="deal-card"]',
      act: async () => {
        // On a fresh load the first Tab offers to skip the menu; after it, the next Tab is in the page.
        await page.reload(WAIT);
        await page.getByTestId('deal-card').first().waitFor(WAIT);
        await page.keyboard.press('Tab');
        await page.getByRole('button', { name: 'Skip to the page' }).and(page.locator(':focus')).waitFor(WAIT);
        await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
        expect(await page.evaluate('!!document.activeElement.closest("main")')).toBe(true);
        await tabTo(page, page.getByTestId('deal-card').first().getByRole('link'));
        await page.keyboard.press('Enter');
        await page.getByTestId('deal-stage').waitFor(WAIT);
        // The new page has the focus, so Tab goes on from it rather than from the menu.
        expect(await page.evaluate('document.activeElement.tagName')).toBe('MAIN');
      },
    },
    {
      name: 'deal', actor: REP, path: () => `deal/${wonDeal}`, shown: '[data-testid="timeline"]',
      act: async () => {
        await tabTo(page, page.getByRole('button', { name: 'Change split' }));
        await page.keyboard.press('Enter');
        await page.getByTestId('share-row').first().waitFor(WAIT);
      },
    },
    {
      name: 'open deal', actor: REP, path: () => `deal/${openDeal}`, shown: '[data-testid="timeline"]',
      act: async () => {
        // A missing criterion's form, opened and shown by keyboard, checked with its fields.
        await tabTo(page, page.locator('[data-testid^="open-"]').first());
        await page.keyboard.press('Enter');
        await page.locator('[data-testid^="form-"]').first().waitFor(WAIT);
        await expectAccessibleAtBothWidths(page, 'an open deal with a fact form');
        await expectKeyboardReach(page, 'an open deal with a fact form');
      },
    },
    {
      name: 'new deal', actor: REP, path: () => 'new-deal', shown: 'form[aria-label="New deal"]',
      act: async () => {
        await tabTo(page, page.getByLabel('Name *'));
        await page.keyboard.type('Keyboard deal');
        await tabTo(page, page.getByLabel('Account *'));
        await page.keyboard.type('Initech');
        await tabTo(page, page.getByLabel('Amount *', { exact: true }));
        await page.keyboard.type('12000.00');
        await tabTo(page, page.getByRole('button', { name: 'Create deal' }));
        await page.keyboard.press('Enter');
        await page.getByTestId('deal-stage').waitFor(WAIT);
      },
    },
    {
      name: 'commission', actor: REP, path: () => `commission/${REP.id}?period=2026-Q1`, shown: '[data-testid="statement-line"]',
      act: async () => {
        await tabTo(page, page.getByRole('button', { name: 'Lineage' }).first());
        await page.keyboard.press('Enter');
        await page.getByTestId('lineage').getByTestId('arithmetic').waitFor(WAIT);
        await expectAccessibleAtBothWidths(page, 'commission with a lineage open');
        await tabTo(page, page.getByRole('button', { name: 'Dispute' }).first());
        await page.keyboard.press('Space');
        await page.getByLabel('What is wrong with this line?').waitFor(WAIT);
        await expectAccessibleAtBothWidths(page, 'commission with the dispute form');
      },
    },
    {
      name: 'payees', actor: FINANCE, path: () => 'commission?period=2026-Q1', shown: '[data-testid="payee"]',
      act: async () => {
        await tabTo(page, page.getByTestId('payee').first().getByRole('link'));
        await page.keyboard.press('Enter');
        await page.getByTestId('statement-line').first().waitFor(WAIT);
      },
    },
    {
      name: 'disputes', actor: FINANCE, path: () => 'disputes', shown: '[data-testid="dispute-row"]',
      act: async () => {
        await tabTo(page, page.getByTestId('dispute-row').first().getByRole('link'));
        await page.keyboard.press('Enter');
        await page.getByTestId('recon-line').first().waitFor(WAIT);
      },
    },
    {
      name: 'dispute', actor: FINANCE, path: () => `disputes/${disputeId}`, shown: '[data-testid="recon-line"]',
      act: async () => {
        const before = await page.getByTestId('adjustment').count();
        await tabTo(page, page.getByRole('button', { name: '+ adjustment' }));
        await page.keyboard.press('Enter');
        await page.getByTestId('adjustment').nth(before).waitFor(WAIT);
      },
    },
    {
      name: 'approvals', actor: MANAGER, path: () => 'approvals', shown: '[data-testid="approval"]',
      act: async () => {
        await tabTo(page, page.getByTestId('approval').first().getByRole('button', { name: 'Reject…' }));
        await page.keyboard.press('Enter');
        await page.getByTestId('approval').first().getByRole('textbox').waitFor(WAIT);
        await expectAccessibleAtBothWidths(page, 'approvals with a rejection form');
      },
    },
    {
      name: 'periods', actor: FINANCE, path: () => 'periods', shown: '[data-testid="period-row"]',
      act: async () => {
        const q1 = page.locator('[data-testid="period-row"][data-period="2026-Q1"]');
        await tabTo(page, q1.getByRole('button', { name: 'Close…' }));
        await page.keyboard.press('Enter');
        await q1.getByRole('button', { name: 'Close 2026-Q1' }).waitFor(WAIT);
        await expectAccessibleAtBothWidths(page, 'periods with a close to confirm');
      },
    },
    {
      name: 'post-close', actor: FINANCE, path: () => 'post-close', shown: '[data-testid="post-close-card"]',
      act: async () => {
        await tabTo(page, page.getByTestId('post-close-card').first().getByRole('link'));
        await page.keyboard.press('Enter');
        await page.getByTestId('deal-stage').waitFor(WAIT);
      },
    },
    { name: 'charts', actor: FINANCE, path: () => 'charts', shown: '.bars' },
    {
      name: 'kpis', actor: MANAGER, path: () => 'kpis?period=2026-Q1', shown: '[data-testid="kpi-row"]',
      act: async () => {
        await tabTo(page, page.locator('#kpi-origin'));
        await page.keyboard.press('ArrowDown');
        await page.getByText('Per rep · inbound').waitFor(WAIT);
      },
    },
    {
      name: 'default team', actor: REP, path: () => 'team', shown: '[data-testid="team-row"]',
      act: async () => {
        const before = await page.getByTestId('team-row').count();
        await tabTo(page, page.getByRole('button', { name: '+ member' }));
        await page.keyboard.press('Enter');
        await page.getByTestId('team-row').nth(before).waitFor(WAIT);
      },
    },
    {
      name: 'account teams', actor: OPS, path: () => 'account-team', shown: '[data-testid="account-teams"], [data-testid="no-account-teams"]',
      act: async () => {
        await tabTo(page, page.getByLabel('Account'));
        await page.keyboard.type('Umbrella Corp');
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: 'Account team: Umbrella Corp' }).waitFor(WAIT);
        await expectAccessibleAtBothWidths(page, 'an account team');
        await expectKeyboardReach(page, 'an account team');
      },
    },
  ];

  for (const p of PAGES) {
    it(`${p.name}: passes axe-core at desk and phone width, and works by keyboard alone`, async () => {
      await open(p.actor, p.path(), p.shown);
      await expectAccessibleAtBothWidths(page, p.name);
      await expectKeyboardReach(page, p.name);
      await p.act?.();
    });
  }

  it('sign-in and set-password: pass axe-core at desk and phone width; an invited user sets a password and signs in by keyboard alone', async () => {
    await t.registerUser({ id: 'kim.keys', roles: ['rep'], managerId: MANAGER.id, name: 'Kim Keys' });
    const link = await t.as(ADMIN).post('/users/kim.keys/invitation', {}).expect(201);
    if (page.url().startsWith(url)) await page.evaluate(() => (globalThis as unknown as { sessionStorage: { clear(): void } }).sessionStorage.clear());
    await page.goto('about:blank');
    await page.goto(link.body.url.replace(/^https?:\/\/[^/]+/, url), WAIT);
    await page.getByRole('heading', { name: 'Set your password' }).waitFor(WAIT);
    await expectAccessibleAtBothWidths(page, 'set-password');
    await expectKeyboardReach(page, 'set-password');
    await tabTo(page, page.getByLabel('New password', { exact: true }));
    await page.keyboard.type('kim types a long passphrase');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kim types a long passphrase');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Password set' }).waitFor(WAIT);
    await expectAccessibleAtBothWidths(page, 'password set');
    await tabTo(page, page.getByRole('link', { name: 'Go to sign in' }));
    await page.keyboard.press('Enter');

    await page.locator('#password').waitFor(WAIT);
    await expectAccessibleAtBothWidths(page, 'sign-in');
    await expectKeyboardReach(page, 'sign-in');
    await tabTo(page, page.getByText('Sign in with an access token'));
    await page.keyboard.press('Enter');
    await expectAccessibleAtBothWidths(page, 'sign-in with the token form open');
    await expectKeyboardReach(page, 'sign-in with the token form open');
    await tabTo(page, page.locator('#password'));
    await page.keyboard.type('kim types a long passphrase');
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in-as').getByText('Kim Keys').waitFor(WAIT);
    await expectAccessible(page, 'signed in');
    await tabTo(page, page.getByRole('button', { name: 'Sign out' }));
    await page.keyboard.press('Enter');
    await page.locator('#user-id').waitFor(WAIT);
  });

  it('another deal\'s page shows nothing of the deal opened before it, not even while it loads', async () => {
    await open(FINANCE, `deal/${wonDeal}`, '[data-testid="timeline"]');
    await page.getByTestId('deal-stage').filter({ hasText: 'Closed won' }).waitFor(WAIT);
    // The new deal's answers are held back until the page has been looked at, as on a slow network.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const hold = (route: Route) => void held.then(() => route.continue());
    const ofOpenDeal = (u: URL) => u.pathname.startsWith(`/deals/${openDeal}`) || u.pathname.startsWith(`/audit/deals/${openDeal}`);
    await page.route(ofOpenDeal, hold);
    try {
      await page.goto(`${url}/app/#/deal/${openDeal}`, WAIT);
      const main = page.locator(`main[data-route="deal/${openDeal}"]`);
      await main.waitFor(WAIT);
      expect(await main.textContent()).not.toContain('Closed won');
      await main.locator('[aria-busy="true"]').first().waitFor(WAIT);
      release();
      await main.getByTestId('deal-stage').filter({ hasText: 'Engaged' }).waitFor(WAIT);
    } finally {
      release();
      await page.unroute(ofOpenDeal, hold);
    }
  });

  it('asks each page\'s data once: no path is requested again and again without a user action', async () => {
    const dispute = (await t.as(FINANCE).get('/board/disputes').expect(200)).body.result[0] as { disputeId: string };
    const quiet = async (pages: readonly [string, string][]) => {
      for (const [path, shown] of pages) {
        d.watch.reset();
        await openRoute(page, url, path, shown);
        expect({ path, ...(await unpromptedRequests(page, d.watch)) }).toEqual({ path, unprompted: null, repeated: [] });
      }
    };
    await signInAs(FINANCE);
    await quiet([
      ['board', '[data-testid="deal-card"]'],
      [`deal/${wonDeal}`, '[data-testid="timeline"]'],
      [`deal/${openDeal}`, '[data-testid="timeline"]'],
      ['post-close', '[data-testid="post-close-card"]'],
      ['charts', '.bars'],
      ['kpis?period=2026-Q1', '[data-testid="kpi-row"]'],
      ['commission?period=2026-Q1', '[data-testid="payee"]'],
      [`commission/${REP.id}?period=2026-Q1`, '[data-testid="statement-line"]'],
      ['disputes', 'h1'],
      [`disputes/${dispute.disputeId}`, '[data-testid="recon-line"]'],
      ['approvals', 'h1'],
      ['periods', '[data-testid="period-row"]'],
    ]);
    // The pages only sales-ops (and admins) open.
    await signInAs(OPS);
    await quiet([
      ['pipeline-editor', '[data-testid="draft-ok"]'],
      ['what-if?pipeline=default&baseline=1&candidate=1', '[data-testid="what-if-stage"]'],
      ['account-team', '[data-testid="account-teams"], [data-testid="no-account-teams"]'],
    ]);
  });

  it('ran every page without a script error', () => {
    expect(d.pageErrors).toEqual([]);
  });
});
