const TOKEN_KEY = 'deals.dashboard.token';

/** The CSRF token of the cookie session (from sign-in or GET /auth/session), in memory only. */
let csrfToken: string | null = null;

/**
 * Two ways to be signed in. Usually a password: the API keeps the session in an HttpOnly cookie
 * this script never sees, and every POST or DELETE carries the session's CSRF token. Or a pasted
 * access token, kept in the tab's sessionStorage (gone when the tab closes, never in a URL) and
 * sent as a bearer token.
 */
export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  signIn: (token: string) => sessionStorage.setItem(TOKEN_KEY, token.trim().replace(/^Bearer\s+/i, '')),
  useCookie: (csrf: string) => {
    sessionStorage.removeItem(TOKEN_KEY);
    csrfToken = csrf;
  },
  /** True when signed in with the cookie (sign-out then ends the session on the server). */
  cookie: (): boolean => csrfToken !== null && session.token() === null,
  signOut: () => {
    sessionStorage.removeItem(TOKEN_KEY);
    csrfToken = null;
  },
  onExpired: (_message: string): void => undefined,
};

export const authHeaders = (): Record<string, string> => {
  const token = session.token();
  return token ? { Authorization: `Bearer ${token}` } : {};
};

/** An error answer of the API: `{statusCode, error, message, details}`. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
  }
}

/** A key per submitted form, so a retried POST records its fact once. */
const idempotencyKey = () => `web-${Date.now().toString(36)}-${Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

export async function api<T>(path: string, init: { method?: 'GET' | 'POST' | 'DELETE'; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders() };
  if (method === 'POST') Object.assign(headers, { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey() });
  if (method !== 'GET' && session.cookie()) headers['X-CSRF-Token'] = csrfToken!;
  const res = await fetch(path, {
    method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), cache: 'no-store', credentials: 'same-origin',
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const body = (json ?? {}) as { error?: string; message?: string; details?: unknown };
    const error = new ApiError(res.status, body.error ?? `HTTP.${res.status}`, body.message ?? (text || res.statusText), body.details);
    // Signing in and setting a password answer 401/400 about the form, not about a session.
    if (res.status === 401 && !path.startsWith('/auth/')) session.onExpired(error.message);
    throw error;
  }
  return json as T;
}


/** A read that waits (up to 5 s) until its read model holds a write the page made: a command's `position`. */
export const readAfter = (path: string, position: number | undefined): string =>
  position ? `${path}${path.includes('?') ? '&' : '?'}minPosition=${position}&waitMs=5000` : path;

/** What every command answers (docs/api.md); a deal change that waits for approval also carries `proposalId`. */
export interface CommandAnswer {
  readonly position: number;
  /** The deal's id, on deal commands (the new deal's on `POST /deals`). */
  readonly dealId?: string;
  readonly events: readonly { readonly type: string }[];
  readonly proposalId?: string;
}
