import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page, Request } from 'playwright-core';

// What the dashboard's browser tests share: where Chromium and the screenshots are, the page
// sizes, the dashboard build, and the watch on the API requests a page makes by itself.

export const ROOT = join(__dirname, '..', '..', '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = join(ROOT, 'test-artifacts', 'dashboard');
export const WAIT = { timeout: 15_000 };
export const DESK = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** How often a page may ask for one URL without a user action (the first load, a reload after a live change). */
export const REPEATS_ALLOWED = 3;
/**
 * How long a settled page is watched for a request nobody asked for. Not a wait for a result: a
 * page that asks by itself (a URL rebuilt on every render) asks again within milliseconds of an
 * answer, so the fault shows well inside this window.
 */
export const QUIET_MS = 1500;

/**
 * The API requests of a page, per method, path and query, since the last user action. The live
 * feed is one long request and the page's own files are not the API's, so neither counts.
 */
export function watchRequests(page: Page, origin: () => string) {
  const counts = new Map<string, number>();
  const inFlight = new Set<Request>();
  let idle: (() => void)[] = [];
  const isApi = (r: Request) => {
    const u = new URL(r.url());
    return u.origin === origin() && !u.pathname.startsWith('/app') && u.pathname !== '/live/projections';
  };
  page.on('request', (r) => {
    if (!isApi(r)) return;
    const u = new URL(r.url());
    const key = `${r.method()} ${u.pathname}${u.search}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    inFlight.add(r);
  });
  const finished = (r: Request) => {
    if (!inFlight.delete(r) || inFlight.size > 0) return;
    for (const resolve of idle) resolve();
    idle = [];
  };
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  return {
    isApi,
    /** A user action: what the page asks next is asked for a reason. */
    reset: () => counts.clear(),
    /** Every API request made so far has its answer. */
    settled: () => (inFlight.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
    repeated: () => [...counts].filter(([, n]) => n > REPEATS_ALLOWED).map(([key, n]) => `${key} ×${n}`),
  };
}

/** The built dashboard, rebuilt when a source file is newer than it (npm test builds it first anyway). */
export function ensureDashboardBuilt(): void {
  const index = join(ROOT, 'dist', 'web', 'index.html');
  const newest = (dir: string): number => Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? newest(path) : statSync(path).mtimeMs;
  }));
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(ROOT, 'apps', 'web', 'src'))) return;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', join(ROOT, 'apps', 'web', 'vite.config.mts')], {
    // Jest sets NODE_ENV=test, which would give Vite a development bundle.
    cwd: ROOT, stdio: 'inherit', timeout: 120_000, env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** Debian's Chromium, headless, with its own profile directory. */
export async function launchDashboardBrowser(profile: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: the browser test needs Debian's chromium. Install it with \`bash scripts/ensure-chromium.sh\` (npm test runs it first).`);
  }
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: DESK,
    timeout: 30_000,
  });
}

/**
 * Once the page shows no "Loading…" and its requests are answered: what it asks by itself within
 * QUIET_MS (null: nothing), and the URLs asked more than REPEATS_ALLOWED times since the last reset.
 */
export async function unpromptedRequests(page: Page, watch: ReturnType<typeof watchRequests>): Promise<{ unprompted: string | null; repeated: string[] }> {
  await page.waitForFunction(() => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('[aria-busy="true"]'), undefined, WAIT);
  await watch.settled();
  const unprompted = await page.waitForRequest((r) => watch.isApi(r), { timeout: QUIET_MS }).then((r) => r.url(), () => null);
  return { unprompted, repeated: watch.repeated() };
}

/** A fresh headless Chromium profile and its first page; `close` removes the profile. */
export async function openBrowser(): Promise<{ browser: BrowserContext; page: Page; close: () => Promise<void> }> {
  mkdirSync(SHOTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'dashboard-chromium-'));
  const browser = await launchDashboardBrowser(profile);
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(WAIT.timeout);
  return {
    browser, page,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Full-page screenshots `<name>-desk.png` and `<name>-phone.png`. */
export async function shoot(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of [['desk', DESK], ['phone', PHONE]] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(SHOTS, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(DESK);
}
