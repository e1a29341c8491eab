import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Where the built dashboard is: `DASHBOARD_DIR`, else the nearest `dist/web` above this file
 * (the repository's, whether the API runs from `dist/apps/deal-api` or from source in tests).
 * Undefined until `npm run build:web` has produced it.
 */
export function findDashboardDir(env: NodeJS.ProcessEnv = process.env, from: string = __dirname): string | undefined {
  if (env.DASHBOARD_DIR) return existsSync(join(env.DASHBOARD_DIR, 'index.html')) ? resolve(env.DASHBOARD_DIR) : undefined;
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'dist', 'web');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Only the page's own origin: scripts, styles and API calls (the live feed included). */
export const DASHBOARD_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'",
].join('; ');
