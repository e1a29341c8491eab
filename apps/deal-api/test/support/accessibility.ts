import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { DESK, PHONE, ROOT, WAIT } from './browser-basics';

// The dashboard's accessibility checks in the browser: axe-core over the page, and the page
// worked by keyboard alone.

let axeSource: string | undefined;

interface AxeViolation { id: string; impact: string; help: string; helpUrl: string; targets: string[] }

/**
 * axe-core over the page as it is now: fails with every serious or critical violation by rule,
 * impact, help and the selectors of the elements at fault. No rule is turned off.
 */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  // The page's Content-Security-Policy refuses an added <script> (addScriptTag), and the tests keep
  // it on: axe's source is evaluated through the debugging protocol instead, which CSP does not govern.
  axeSource ??= readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    type Node = { target: unknown[] };
    type Result = { violations: { id: string; impact?: string; help: string; helpUrl: string; nodes: Node[] }[] };
    const axe = (globalThis as unknown as { axe: { run(options: object): Promise<Result> } }).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, helpUrl: v.helpUrl, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  }) as AxeViolation[];
  if (violations.length === 0) return;
  const list = violations.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 10).join('\n    ')}${v.targets.length > 10 ? `\n    … and ${v.targets.length - 10} more` : ''}`);
  throw new Error(`${where}: ${violations.length} serious or critical accessibility violation(s):\n${list.join('\n')}`);
}

/** expectAccessible at phone width, then back at desk width. */
export async function expectAccessibleAtBothWidths(page: Page, where: string): Promise<void> {
  await page.setViewportSize(PHONE);
  await expectAccessible(page, `${where} (phone)`);
  await page.setViewportSize(DESK);
  await expectAccessible(page, `${where} (desk)`);
}

/**
 * In the page: marks every visible, enabled button, link, field, select and summary with
 * `data-kb` (the radios of a group share one mark: Tab enters a group once) and answers the marks.
 */
const CONTROLS = 'a[href], button, input, select, textarea, summary, [tabindex], [role=button], [role=link]';
const MARK_INTERACTIVE = `(() => {
  const marks = [];
  for (const el of document.querySelectorAll('[data-kb]')) el.removeAttribute('data-kb');
  for (const el of document.querySelectorAll('${CONTROLS}')) {
    const shown = el.checkVisibility({ visibilityProperty: true }) && !el.closest('[inert]');
    if (!shown || el.disabled || el.type === 'hidden' || el.getAttribute('tabindex') === '-1') continue;
    const mark = el.type === 'radio' && el.name ? 'radio:' + el.name : String(marks.length);
    if (!marks.includes(mark)) marks.push(mark);
    el.setAttribute('data-kb', mark);
  }
  // Something drawn as clickable (a pointer) that is not a control: a mouse may use it, Tab never reaches it.
  const clickable = [...document.body.querySelectorAll('*')].filter((el) =>
    getComputedStyle(el).cursor === 'pointer' && !el.closest('${CONTROLS}, label') && el.checkVisibility());
  for (const el of clickable) {
    el.setAttribute('data-kb', 'pointer:' + marks.length);
    marks.push('pointer:' + marks.length);
  }
  return marks;
})()`;

/** In the page: the focused element's mark and whether its focus is drawn (an outline or a ring). */
const READ_FOCUS = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const drawn = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  const name = (el.getAttribute('aria-label') || el.textContent || el.id || el.getAttribute('name') || '').trim().slice(0, 40);
  return { mark: el.getAttribute('data-kb'), drawn, what: el.tagName.toLowerCase() + ' "' + name + '"' };
})()`;

/** In the page: how a marked element is named in a failure. */
const DESCRIBE_MARKS = (marks: string[]) => `(${JSON.stringify(marks)}).map((m) => {
  const el = document.querySelector('[data-kb="' + m + '"]');
  const name = el ? (el.getAttribute('aria-label') || el.textContent || el.id || el.getAttribute('name') || '').trim().slice(0, 40) : '';
  return el ? el.tagName.toLowerCase() + (el.type ? '[' + el.type + ']' : '') + ' "' + name + '"' : m;
})`;

/**
 * Tabs through the page with the keyboard alone, from the top, until focus comes round again:
 * answers the visible buttons, links and fields Tab never reached, and those it reached without a
 * visible focus mark. Then Shift+Tab goes back one step, as a user would.
 */
export async function tabThrough(page: Page): Promise<{ unreached: string[]; unmarked: string[] }> {
  const marks = await page.evaluate(MARK_INTERACTIVE) as string[];
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  const reached = new Set<string>();
  const unmarked = new Set<string>();
  let first: string | undefined;
  for (let presses = 0; presses < marks.length * 2 + 20; presses++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(READ_FOCUS) as { mark: string | null; drawn: boolean; what: string } | null;
    if (!focus?.mark) continue;
    if (focus.mark === first && reached.size > 1) break;
    first ??= focus.mark;
    reached.add(focus.mark);
    if (!focus.drawn) unmarked.add(focus.what);
    if (reached.size === marks.length && presses > marks.length) break;
  }
  await page.keyboard.press('Shift+Tab');
  const missing = marks.filter((m) => !reached.has(m));
  return { unreached: missing.length ? await page.evaluate(DESCRIBE_MARKS(missing)) as string[] : [], unmarked: [...unmarked] };
}

/** Fails unless Tab reaches every visible button, link and field of the page, each with its focus drawn. */
export async function expectKeyboardReach(page: Page, where: string): Promise<void> {
  const { unreached, unmarked } = await tabThrough(page);
  expect({ where, unreached, unmarked }).toEqual({ where, unreached: [], unmarked: [] });
}

/** Presses Tab (or Shift+Tab) until the element has the focus, as a keyboard user moves to it. */
export async function tabTo(page: Page, target: ReturnType<Page['locator']>, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  await target.waitFor(WAIT);
  for (let presses = 0; presses < 400; presses++) {
    if (await target.evaluate((el: { ownerDocument: { activeElement: unknown } }) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${String(target)}`);
}
