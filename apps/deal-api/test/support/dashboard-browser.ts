import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';

// What a browser journey through the dashboard needs: the built dashboard, Debian's Chromium
// (headless) and screenshots at desk and phone width in test-artifacts/dashboard/.

export const ROOT = join(__dirname, '..', '..', '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = join(ROOT, 'test-artifacts', 'dashboard');
export const DESK = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

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

/** A fresh headless Chromium profile and its first page; `close` removes the profile. */
export async function openBrowser(): Promise<{ browser: BrowserContext; page: Page; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: the browser test needs Debian's chromium. Install it with \`bash scripts/ensure-chromium.sh\` (npm test runs it first).`);
  }
  mkdirSync(SHOTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'dashboard-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: DESK,
    timeout: 30_000,
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(15_000);
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
