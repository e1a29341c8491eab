import { Page } from 'playwright-core';
import { DEFAULT_PIPELINE, publishedOf } from '@deals/domain';
import { OPS } from '../src/testing/test-app';
import { DESK, dashboardBrowser, PHONE, QUIET_MS, unpromptedRequests, WAIT } from './support/dashboard-browser';
import { expectKeyboardReach } from './support/accessibility';

// Sales-ops write version 2 of the default pipeline in the dashboard's editor: a security review
// stage whose exit criterion is a new buyer fact type, published, and read back from the API.

jest.setTimeout(240_000);

const v1 = publishedOf(DEFAULT_PIPELINE);
const SECURITY_STAGE = {
  id: 'security-review-passed', name: 'Security review passed', probability: 0.3, stuckAfterDays: 21,
  exitCriteria: [{
    id: 'questionnaire-signed', label: 'Security questionnaire signed', buyerOutcome: 'The buyer\'s security team signed our questionnaire',
    requires: { fact: 'security-questionnaire-signed', has: ['signedBy'] },
  }],
};

describe('the pipeline editor', () => {
  const d = dashboardBrowser();
  let page: Page;
  const field = (label: string) => page.getByLabel(label, { exact: true });

  beforeAll(() => {
    page = d.page;
  });

  it('lets sales-ops add a stage with a new fact type as its criterion, shows the problems while they type, and publishes version 2', async () => {
    await d.signInAs(OPS);
    await page.getByRole('link', { name: 'Pipeline editor' }).click();
    await page.getByRole('heading', { name: 'Version 2 of default' }).waitFor(WAIT);
    expect(await page.getByLabel('Start from version').inputValue()).toBe('1');
    await page.getByTestId('draft-ok').waitFor(WAIT);

    // The fact type first, so the criterion can name it.
    await page.getByRole('button', { name: 'Add a fact type' }).click();
    await field('Name (fact type 1)').fill('security-questionnaire-signed');
    await field('Label (fact type 1)').fill('Security questionnaire signed by the buyer');
    await page.getByRole('group', { name: 'Evidence kinds accepted (fact type 1)' }).getByLabel('document').check();
    await page.getByRole('button', { name: 'Add an attribute to fact type 1' }).click();
    await field('Attribute name (fact type 1, attribute 1)').fill('signedBy');
    await field('Required (fact type 1, attribute 1)').check();

    // A new stage comes last; moved up with the keyboard to follow Qualified.
    await page.getByRole('button', { name: 'Add a stage' }).click();
    for (const at of [6, 5, 4]) {
      await page.getByRole('button', { name: `Move stage ${at} up` }).focus();
      await page.keyboard.press('Enter');
    }
    await field('Name (stage 3)').fill('Security review passed');
    await field('Win probability 0–1 (stage 3)').fill('0.3');
    await field('Stuck after days (stage 3)').fill('21');
    await page.getByRole('button', { name: 'Add an exit criterion to stage 3' }).click();
    await field('Criterion id (stage 3, criterion 1)').fill('questionnaire-signed');
    await field('Label (stage 3, criterion 1)').fill('Security questionnaire signed');
    await field('What the buyer did (stage 3, criterion 1)').fill('The buyer\'s security team signed our questionnaire');
    await field('Fact for stage 3, criterion 1').selectOption('security-questionnaire-signed');
    await page.getByRole('group', { name: 'Must be present (stage 3, criterion 1)' }).getByLabel('signedBy').check();

    // The stage id is still empty: the one problem left, said by stage.
    const problems = page.getByTestId('draft-problems');
    await problems.locator('li[data-path="stages[2].id"]').waitFor(WAIT);
    expect(await problems.locator('li').allTextContents()).toEqual([expect.stringContaining('Stage 3 (Security review passed), id: must not be blank')]);
    // Long labels and nested lists wrap: the editor never scrolls sideways, at desk or phone width.
    for (const size of [PHONE, DESK]) {
      await page.setViewportSize(size);
      expect(await page.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      })).toBe(0);
    }
    await d.shoot('pipeline-editor-problem');

    await field('Id (stage 3)').fill('security-review-passed');
    await page.getByTestId('draft-ok').waitFor(WAIT);
    await expectKeyboardReach(page, 'the pipeline editor with a new stage');

    // The what-if preview runs only when asked: the draft's new stage beside version 1's stages.
    d.watch.reset();
    await page.getByRole('button', { name: 'Preview against version 1' }).click();
    const preview = page.getByTestId('what-if-preview');
    await preview.locator('[data-testid="what-if-stage"][data-stage-id="security-review-passed"]').waitFor(WAIT);
    await preview.locator('[data-testid="what-if-stage"][data-stage-id="qualified"]').waitFor(WAIT);
    await d.shoot('pipeline-editor-what-if');
    expect((await unpromptedRequests(page, d.watch)).repeated).toEqual([]);

    d.watch.reset();
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByTestId('published').filter({ hasText: 'Published version 2.' }).waitFor(WAIT);
    await page.getByRole('heading', { name: 'Version 3 of default' }).waitFor(WAIT);

    const v2 = await d.t.as(OPS).get('/pipelines/default/versions/2').expect(200);
    const { position: _position, recordedAt: _recordedAt, publishedBy, ...definition } = v2.body;
    expect(publishedBy).toBe(OPS.id);
    expect(definition).toEqual({
      ...v1, version: 2,
      stages: [...v1.stages.slice(0, 2), SECURITY_STAGE, ...v1.stages.slice(2)],
      factTypes: [{
        name: 'security-questionnaire-signed', label: 'Security questionnaire signed by the buyer',
        attributes: [{ name: 'signedBy', type: 'string', required: true }], evidenceKinds: ['document'],
      }],
    });
    await d.shoot('pipeline-editor');
  });

  it('asks for nothing by itself once settled', async () => {
    d.watch.reset();
    await d.watch.settled();
    const unprompted = await page.waitForRequest((r) => d.watch.isApi(r), { timeout: QUIET_MS }).then((r) => r.url(), () => null);
    expect({ unprompted, repeated: d.watch.repeated() }).toEqual({ unprompted: null, repeated: [] });
  });

  it('shows the API\'s list of problems when a publish is refused', async () => {
    await field('Id (stage 1)').fill('closed-won');
    await page.getByTestId('draft-problems').locator('li[data-path="stages[0].id"]').waitFor(WAIT);
    await page.getByRole('button', { name: 'Publish version 3' }).click();
    const refused = page.getByTestId('server-problems');
    await refused.locator('li[data-path="stages[0].id"]').waitFor(WAIT);
    expect(await refused.textContent()).toContain('reserved');
    await d.t.as(OPS).get('/pipelines/default/versions/3').expect(404);
  });

  it('ran without a script error', () => {
    expect(d.pageErrors).toEqual([]);
  });
});
