import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A person the test provider knows: its login is the account id (and `sub`). */
export interface ProviderAccount {
  readonly email: string;
  readonly email_verified?: boolean;
  readonly name?: string;
  readonly preferred_username?: string;
  readonly groups?: readonly string[];
}

export interface TestProvider {
  readonly issuer: string;
  stop(): Promise<void>;
}

/** A free loopback port for the API, chosen before it starts: the provider must know the redirect URI first. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts oidc-provider (oidc-provider.mjs) in a child process; resolves when it prints its issuer URL. */
export function startOidcProvider(options: {
  clientId: string; clientSecret: string; redirectUris: string[]; accounts: Record<string, ProviderAccount>;
}): Promise<TestProvider> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs'), JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let stdout = '';
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString();
      const ready = /^OIDC_PROVIDER_READY (\S+)$/m.exec(stdout);
      if (!ready) return;
      child.stdout!.off('data', onData);
      resolve({ issuer: ready[1], stop });
    };
    child.stdout!.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the OpenID provider exited (${code}) before it was ready: ${stderr}`)));
  });
}

/** A browser's cookies for one origin, as far as the provider's and the engine's flows need them. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(res: Response): void {
    for (const header of res.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) <= Date.now()) || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const decode = (html: string) => html.replace(/&amp;/g, '&').replace(/&#x2F;/g, '/').replace(/&quot;/g, '"');

/**
 * Goes through the provider as a browser would, over plain HTTP: the authorization URL, the
 * provider's own login form (posted with the account's login and any password), its redirects,
 * until it sends the browser back to the client. Answers that URL (`code`, `state`, `iss`, or
 * `error`) without visiting it. `cancel` presses the form's Cancel link instead of signing in.
 */
export async function throughProvider(authorizationUrl: string, login: string, options: { cancel?: boolean; jar?: CookieJar } = {}): Promise<URL> {
  const issuer = new URL(authorizationUrl).origin;
  const jar = options.jar ?? new CookieJar();
  let next: { url: string; method: 'GET' | 'POST'; body?: string } = { url: authorizationUrl, method: 'GET' };
  for (let hop = 0; hop < 12; hop++) {
    if (new URL(next.url).origin !== issuer) return new URL(next.url);
    const res = await fetch(next.url, {
      method: next.method, redirect: 'manual', body: next.body,
      headers: { cookie: jar.header(), accept: 'text/html', ...(next.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    jar.take(res);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      next = { url: new URL(location, next.url).href, method: 'GET' };
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (res.status !== 200 || !action || !html.includes('name="login"')) throw new Error(`unexpected answer of the provider at ${next.url}: ${res.status} ${html.slice(0, 500)}`);
    if (options.cancel) {
      const abort = /<a href="([^"]+\/abort)"/.exec(html)?.[1];
      if (!abort) throw new Error('the provider\'s login page has no Cancel link');
      next = { url: new URL(decode(abort), next.url).href, method: 'GET' };
      continue;
    }
    next = { url: new URL(decode(action), next.url).href, method: 'POST', body: new URLSearchParams({ prompt: 'login', login, password: 'any password' }).toString() };
  }
  throw new Error(`the provider did not send the browser back after 12 steps (last: ${next.url})`);
}
