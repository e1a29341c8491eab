import { CookieOptions, Request, Response } from 'express';

/** The dashboard's session: an HttpOnly cookie the page's script cannot read. */
export const SESSION_COOKIE = 'deals_session';
/** The header a cookie-authenticated request that changes something must carry (lower case, as Node gives headers). */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * HttpOnly (no script reads it), SameSite=Lax (not sent on another site's POST, fetch or image
 * requests), Secure when the request came over TLS — directly, or through a trusted proxy's
 * X-Forwarded-Proto (TRUST_PROXY) — and for the whole origin, since the API serves the dashboard.
 */
function options(request: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: request.secure, path: '/' };
}

export function setSessionCookie(request: Request, response: Response, token: string, expiresAt: Date): void {
  response.cookie(SESSION_COOKIE, token, { ...options(request), expires: expiresAt });
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, options(request));
}
