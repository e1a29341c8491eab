const TOKEN_KEY = 'deals.dashboard.token';

/** The signed-in user's token lives in sessionStorage: gone when the tab closes, never in a URL. */
export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  signIn: (token: string) => sessionStorage.setItem(TOKEN_KEY, token.trim().replace(/^Bearer\s+/i, '')),
  signOut: () => sessionStorage.removeItem(TOKEN_KEY),
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

export async function api<T>(path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders() };
  if (method === 'POST') Object.assign(headers, { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey() });
  const res = await fetch(path, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), cache: 'no-store' });
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
    if (res.status === 401) session.onExpired(error.message);
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
  readonly events: readonly { readonly type: string }[];
  readonly proposalId?: string;
}
