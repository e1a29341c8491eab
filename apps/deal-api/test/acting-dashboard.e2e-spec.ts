import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, Page } from 'playwright-core';
import { ADMIN, createTestApp, email, IMPLEMENTATION, MANAGER, REP, TestActor, TestApp } from '../src/testing/test-app';
import { ensureDashboardBuilt, launchDashboardBrowser, openRoute, shoot as shootBoth, SHOTS, unpromptedRequests, WAIT, watchRequests } from './support/dashboard-browser';

// People doing their work in the dashboard, in a real browser against the real API: a rep
// invited by an admin sets her password, signs in, creates a deal, records each missing fact
// with its evidence from the deal's page and advances it stage by stage to a won close; a card
// dragged on the board past a missing criterion is refused in words and stays; a manager
// overrides with a reason, closes one lost and reverses a win; hand-off, implementation start
// and go-live. Every action is a click or a key press on the page, sent with the cookie
// session's CSRF token (or a pasted token).

jest.setTimeout(240_000);

const RITA: TestActor & { name: string; managerId: string } = { id: 'rita.rep', roles: ['rep'], name: 'Rita Rep', managerId: MANAGER.id };
const PASSWORD = 'rita picks a long passphrase';

interface StoredEvent { readonly type: string; readonly data: Record<string, unknown>; readonly metadata: { readonly actor: { readonly id: string } } }

/** What a form's own fields get, by label; each form also gets an evidence reference. */
const FILL: Record<string, Record<string, string>> = {
  RecordBuyerResponded: { 'Evidence link': 'https://mail.example/globex/reply-1', 'Who on the buyer side': 'Dana Buyer answered our first email' },
  BookMeeting: { 'Meeting id': 'cal-globex-1', 'Meeting on': '2026-12-20T10:00' },
  ConfirmDecisionMaker: { 'Decision maker (name)': 'Dana Buyer', 'Their title': 'CFO' },
  NoteBudget: { 'Budget from': '50000', 'Budget up to': '90000.00' },
  NoteDecisionTimeframe: { 'Decides by': '2027-01-31' },
  RecordDemoHeld: {},
  ScheduleNextMeeting: { 'Meeting id': 'cal-globex-2', 'Meeting on': '2026-12-22T15:30' },
  RecordRecapEmailSent: {},
  RecordRecapConfirmed: { 'Who on the buyer side': 'Dana Buyer confirmed the next steps' },
  DeliverProposal: { 'Evidence link': 'https://docs.example/globex/proposal.pdf' },
  RecordProposalAcknowledged: {},
  AgreeTerms: { Price: '80000.00', 'Payment terms': 'Net 30', 'Delivery timeline': 'Q1 2027' },
};

describe('acting in the dashboard', () => {
  let t: TestApp;
  let url: string;
  let dataDir: string;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;
  let watch: ReturnType<typeof watchRequests>;
  let ritasDeal: string;
  let boardDeal: string;
  const pageErrors: string[] = [];

  const shoot = (name: string) => shootBoth(page, name);
  const post = async (actor: TestActor, path: string, body: object) => {
    const res = await t.as(actor).post(path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const dealOf = async (dealId: string) => (await t.as(ADMIN).get(`/deals/${dealId}`).expect(200)).body;
  const signOut = async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#user-id').waitFor(WAIT);
  };
  const signInWithToken = async (actor: TestActor) => {
    await page.evaluate(() => (globalThis as unknown as { sessionStorage: { clear(): void } }).sessionStorage.clear());
    await page.goto(`${url}/app/`, WAIT);
    await page.getByText('Sign in with an access token').click();
    await page.locator('#token').fill(t.tokenFor(actor));
    await page.getByRole('button', { name: 'Sign in with token' }).click();
    await page.getByTestId('signed-in-as').waitFor(WAIT);
  };
  const card = (stageId: string, dealId: string) => page.locator(`[data-stage-id="${stageId}"] [data-deal-id="${dealId}"]`);
  /** Opens a page afresh and checks it asks the API nothing by itself once it shows its data. */
  const openQuietly = async (path: string, shown: string) => {
    watch.reset();
    await openRoute(page, url, path, shown);
    expect({ path, ...(await unpromptedRequests(page, watch)) }).toEqual({ path, unprompted: null, repeated: [] });
  };
  const stageShows = (name: string) => page.getByTestId('deal-stage').filter({ hasText: name }).waitFor(WAIT);
  /** Opens a step's form with the keyboard, as someone without a mouse would. */
  const openStep = async (command: string) => {
    await page.getByTestId(`open-${command}`).focus();
    await page.keyboard.press('Enter');
    return page.getByTestId(`form-${command}`);
  };
  /** A deal of `owner` moved by a manager's overrides to the last open stage, its terms agreed and closed won, all now. */
  const wonDeal = async (owner: TestActor, name: string) => {
    const { dealId } = await post(owner, '/deals', { name, account: { name: 'Initech' }, currency: 'EUR', expectedAmount: '40000.00' });
    for (const stage of ['qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed']) {
      await post(MANAGER, `/deals/${dealId}/stage/override`, { toStageId: stage, reason: 'Entered from the old CRM' });
    }
    await post(owner, `/deals/${dealId}/terms`, { price: '40000.00', paymentTerms: 'Net 30', deliveryTimeline: 'Q1', evidence: email('<terms@initech.example>') });
    await post(owner, `/deals/${dealId}/close-won`, { signedOrder: { kind: 'signature', ref: `order-${name}` } });
    return dealId as string;
  };

  beforeAll(async () => {
    ensureDashboardBuilt();
    mkdirSync(SHOTS, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'acting-e2e-'));
    t = await createTestApp(dataDir);
    url = await t.listen();
    profile = mkdtempSync(join(tmpdir(), 'acting-chromium-'));
    browser = await launchDashboardBrowser(profile);
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    watch = watchRequests(page, () => new URL(url).origin);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    for (const dir of [profile, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('an invited rep sets her password, signs in, creates a deal, records each missing fact with evidence, advances stage by stage and closes it won', async () => {
    await t.registerUser(RITA);
    const link = await t.as(ADMIN).post(`/users/${RITA.id}/invitation`, {}).expect(201);
    await page.goto(link.body.url.replace(/^https?:\/\/[^/]+/, url), WAIT);
    await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('The same password again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('link', { name: 'Go to sign in' }).click();
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('signed-in-as').getByText(RITA.name).waitFor(WAIT);

    // New deal: what is missing is named before anything is sent.
    await page.getByRole('navigation').getByRole('link', { name: 'New deal' }).click();
    await page.getByRole('heading', { name: 'New deal' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Create deal' }).click();
    await page.getByRole('alert').getByText('Name is required.').waitFor(WAIT);
    await page.getByLabel('Name *').fill('Globex platform');
    await page.getByLabel('Account *').fill('Globex');
    await page.getByLabel('Amount *').fill('80000.00');
    await page.getByRole('button', { name: '+ product' }).click();
    await page.getByLabel('Product 1', { exact: true }).fill('CORE');
    await page.locator('#line-0-amount').fill('80000.00');
    await shoot('new-deal');
    watch.reset();
    await page.getByRole('button', { name: 'Create deal' }).click();
    await page.getByRole('heading', { name: 'Globex platform' }).waitFor(WAIT);
    ritasDeal = decodeURIComponent(/#\/deal\/([^/?]+)/.exec(page.url())![1]);
    await stageShows('Engaged');
    expect(await dealOf(ritasDeal)).toMatchObject({ state: { ownerId: RITA.id, currency: 'EUR', expectedAmountMinor: 8_000_000, lineItems: [{ productCode: 'CORE' }] } });
    await page.getByTestId('timeline').getByText('DealOpened').waitFor(WAIT);
    expect({ ...(await unpromptedRequests(page, watch)) }).toEqual({ unprompted: null, repeated: [] });
    // A rep is offered no override (the access table gives it to managers).
    expect(await page.getByTestId('open-OverrideStage').count()).toBe(0);

    const stages = ['Engaged', 'Qualified', 'Product evaluated', 'Proposal reviewed', 'Terms agreed'];
    const recorded: string[] = [];
    for (const [i, stage] of stages.entries()) {
      await stageShows(stage);
      await page.getByTestId('criterion-missing').first().waitFor(WAIT);
      for (let missing = page.getByTestId('criterion-missing'); (await missing.count()) > 0;) {
        const opener = missing.first().locator('button[data-testid^="open-"]').first();
        const command = (await opener.getAttribute('data-testid'))!.slice('open-'.length);
        const form = await openStep(command);
        for (const [label, value] of Object.entries(FILL[command])) await form.getByLabel(label).fill(value);
        await form.getByLabel('Evidence reference').fill(`ref-${command}`);
        if (command === 'AgreeTerms') await shoot('deal-fact-form');
        await form.locator('button[type="submit"]').click();
        await form.waitFor({ state: 'detached', ...WAIT });
        // The page reads the deal again: the criterion is met, or (the recap) its next step is offered.
        await page.getByTestId(`open-${command}`).waitFor({ state: 'detached', ...WAIT });
        recorded.push(command);
      }
      await page.getByTestId('criterion-met').first().waitFor(WAIT);
      if (i < stages.length - 1) {
        const advance = await openStep('AdvanceStage');
        await advance.getByRole('button', { name: `Advance to ${stages[i + 1]}` }).press('Enter');
      }
    }
    expect(recorded).toEqual(Object.keys(FILL));

    await shoot('deal-next-steps');
    const close = await openStep('CloseWon');
    await close.getByLabel('Evidence reference').fill('order-globex-1');
    await close.getByLabel('Evidence link').fill('https://sign.example/globex/order-1');
    await close.getByRole('button', { name: 'Close won' }).click();
    await page.getByText('Close won recorded.').waitFor(WAIT);
    await stageShows('Closed won');
    await page.getByTestId('deal-status').filter({ hasText: 'won' }).waitFor(WAIT);
    await shoot('deal-won');

    const deal = await dealOf(ritasDeal);
    expect(deal.state).toMatchObject({
      status: 'won', stageId: 'closed-won',
      facts: {
        BuyerResponded: { evidence: { kind: 'email', ref: 'ref-RecordBuyerResponded', url: 'https://mail.example/globex/reply-1', note: 'Dana Buyer answered our first email' } },
        MeetingBooked: { data: { meetingId: 'cal-globex-1' }, evidence: { kind: 'calendar', ref: 'ref-BookMeeting' } },
        DecisionMakerConfirmed: { data: { contactName: 'Dana Buyer', contactTitle: 'CFO' } },
        DecisionTimeframeNoted: { data: { decisionBy: '2027-01-31' } },
        DemoHeld: { data: { attended: true, questionsAnswered: true } },
        RecapConfirmedByBuyer: { evidence: { note: 'Dana Buyer confirmed the next steps' } },
        TermsAgreed: { data: { paymentTerms: 'Net 30' } },
      },
    });
    const { events } = (await t.as(ADMIN).get(`/deals/${ritasDeal}/events`).expect(200)).body as { events: StoredEvent[] };
    const advances = events.filter((e) => e.type === 'StageAdvanced');
    expect(advances.map((e) => e.metadata.actor.id)).toEqual([RITA.id, RITA.id, RITA.id, RITA.id]);
    expect(events.find((e) => e.type === 'DealClosedWon')?.data).toMatchObject({ signedOrder: { kind: 'signature', ref: 'order-globex-1' } });
    await openQuietly(`deal/${ritasDeal}`, '[data-testid="timeline"]');
  });

  it('changes the team from the deal page, and says a split naming someone else waits for approval', async () => {
    const { dealId } = await post(RITA, '/deals', { name: 'Globex pilot', account: { name: 'Globex' }, currency: 'EUR', expectedAmount: '10000.00' });
    boardDeal = dealId;
    await openQuietly('new-deal', '#deal-name');
    await openQuietly(`deal/${dealId}`, '[data-testid="timeline"]');
    await page.getByRole('button', { name: '+ member' }).click();
    await page.getByLabel('Person (user id)').fill(REP.id);
    await page.getByLabel('Deal-team role').selectOption('sales-engineer');
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await page.getByTestId('team-member').filter({ hasText: REP.id }).waitFor(WAIT);
    await page.getByRole('button', { name: `Remove ${REP.id} (sales-engineer)` }).click();
    await page.getByTestId('team-member').filter({ hasText: REP.id }).waitFor({ state: 'detached', ...WAIT });
    expect((await dealOf(dealId)).state.team.map((m: { userId: string }) => m.userId)).not.toContain(REP.id);

    await page.getByRole('button', { name: 'Change split' }).click();
    await page.getByTestId('share-row').first().getByLabel('share %').fill('70');
    await page.getByRole('button', { name: '+ share' }).click();
    const second = page.getByTestId('share-row').nth(1);
    await second.getByLabel('person').fill(REP.id);
    await second.getByLabel('share %').fill('30');
    await page.getByRole('button', { name: 'Set split' }).click();
    await page.getByTestId('waits-for-approval').waitFor(WAIT);
    expect((await dealOf(dealId)).state.pendingChanges).toHaveLength(1);
  });

  it('refuses a card dragged to the next stage while a criterion is missing, names the criteria, keeps the card; the keyboard moves cards too', async () => {
    await openQuietly('board', `[data-deal-id="${boardDeal}"]`);
    await page.getByTestId('live-status').filter({ hasText: 'live' }).waitFor(WAIT);
    await card('engaged', boardDeal).dragTo(page.locator('[data-stage-id="qualified"]'));
    const refusal = card('engaged', boardDeal).getByTestId('refusal');
    await refusal.getByText('Not yet: missing Buyer responded to first contact, First meeting booked.').waitFor(WAIT);
    expect(await card('qualified', boardDeal).count()).toBe(0);
    expect(await refusal.textContent()).toContain('409 DEAL.EXIT_CRITERIA_UNMET');
    await shoot('board-move-refused');

    await post(RITA, `/deals/${boardDeal}/buyer-responses`, { evidence: email('<reply@globex.example>') });
    await post(RITA, `/deals/${boardDeal}/meetings`, { meetingId: 'cal-9', scheduledFor: '2026-12-21T10:00:00.000Z', evidence: { kind: 'calendar', ref: 'cal-9' } });
    await card('engaged', boardDeal).dragTo(page.locator('[data-stage-id="qualified"]'));
    await card('qualified', boardDeal).waitFor(WAIT);
    await card('engaged', boardDeal).waitFor({ state: 'detached', ...WAIT });

    await card('qualified', boardDeal).getByRole('button', { name: 'Move to Product evaluated' }).focus();
    await page.keyboard.press('Enter');
    await card('qualified', boardDeal).getByTestId('refusal')
      .getByText('Not yet: missing Decision maker confirmed, Budget noted, Decision timeframe noted.').waitFor(WAIT);
    expect(await card('product-evaluated', boardDeal).count()).toBe(0);
    expect((await dealOf(boardDeal)).state.stageId).toBe('qualified');
  });

  it('lets a manager override past missing criteria with a reason, close a deal lost and reverse a win', async () => {
    await signOut();
    await signInWithToken(MANAGER);
    await page.goto(`${url}/app/#/deal/${boardDeal}`, WAIT);
    await stageShows('Qualified');
    const override = await openStep('OverrideStage');
    await override.getByLabel('Move to').selectOption({ label: 'Proposal reviewed' });
    await override.getByRole('button', { name: 'Override' }).click();
    await override.getByRole('alert').getByText('Reason is required.').waitFor(WAIT);
    await override.getByLabel('Reason').fill('The buyer signed the NDA and the budget in one meeting');
    await override.getByRole('button', { name: 'Override' }).click();
    await stageShows('Proposal reviewed');
    await page.getByTestId('timeline').getByText('StageOverridden').waitFor(WAIT);
    const { events } = (await t.as(ADMIN).get(`/deals/${boardDeal}/events`).expect(200)).body as { events: StoredEvent[] };
    const overridden = events.find((e) => e.type === 'StageOverridden');
    expect(overridden?.data).toMatchObject({ reason: 'The buyer signed the NDA and the budget in one meeting', missingCriteria: expect.arrayContaining(['budget-noted']) });

    const lost = await openStep('CloseLost');
    await lost.getByLabel('Reason').fill('Chose a competitor');
    await lost.getByLabel('Evidence reference').fill('<no-thanks@globex.example>');
    await lost.getByRole('button', { name: 'Close lost' }).click();
    await page.getByTestId('deal-status').filter({ hasText: 'lost' }).waitFor(WAIT);
    await page.getByText('Nothing more to do on this deal.').waitFor(WAIT);
    expect((await dealOf(boardDeal)).state.status).toBe('lost');

    await page.goto(`${url}/app/#/deal/${ritasDeal}`, WAIT);
    const reverse = await openStep('ReverseWonDeal');
    await reverse.getByLabel('Reason').fill('The order was cancelled');
    await reverse.getByRole('button', { name: 'Reverse the win' }).click();
    await page.getByTestId('deal-status').filter({ hasText: 'won (reversed)' }).waitFor(WAIT);
    await shoot('deal-reversed');
    expect((await dealOf(ritasDeal)).state.reversed).toBe(true);
  });

  it('hands a won deal to implementation, which starts it and records go-live', async () => {
    const dealId = await wonDeal(REP, 'Initech rollout');
    await page.goto(`${url}/app/#/deal/${dealId}`, WAIT);
    await stageShows('Closed won');
    const handoff = await openStep('HandToImplementation');
    await handoff.getByLabel('Implementation lead').fill(IMPLEMENTATION.id);
    await handoff.getByLabel('Customer success manager').fill(IMPLEMENTATION.id);
    await handoff.getByRole('button', { name: 'Hand off' }).click();
    await stageShows('Handed to implementation');
    // Starting and going live are implementation's (and managers'); the manager leaves it to them.

    await signInWithToken(IMPLEMENTATION);
    await openQuietly(`deal/${dealId}`, '[data-testid="timeline"]');
    await stageShows('Handed to implementation');
    const start = await openStep('StartImplementation');
    await start.getByRole('button', { name: 'Start implementation' }).click();
    await stageShows('Implementation in progress');
    const live = await openStep('GoLive');
    await live.getByRole('button', { name: 'Record go-live' }).click();
    await live.getByRole('alert').getByText('Evidence reference is required.').waitFor(WAIT);
    await live.getByLabel('Evidence reference').fill('<live@initech.example>');
    await live.getByRole('button', { name: 'Record go-live' }).click();
    await stageShows('Live');
    await shoot('deal-live');
    expect((await dealOf(dealId)).state.stageId).toBe('live');
  });

  it('ran every page without a script error', () => {
    expect(pageErrors).toEqual([]);
  });
});
