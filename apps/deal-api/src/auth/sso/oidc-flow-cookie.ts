import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { CookieOptions, Request, Response } from 'express';

/** The cookie that binds a sign-in with the provider to the browser that started it. */
export const FLOW_COOKIE = 'deals_oidc';
const PATH = '/auth/oidc';
/** How long a person has at the provider before the flow is forgotten. */
export const FLOW_MINUTES = 10;

/** What the callback must find: the values sent in the authorization request, and the PKCE verifier that only this side knows. */
export interface OidcFlow {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly expiresAt: number;
}

/**
 * Seals and opens the flow cookie with AES-256-GCM under a key derived from the signing secret:
 * the browser holds it but can neither read the verifier nor change a value without the callback
 * noticing. HttpOnly, SameSite=Lax (the provider's redirect back is a top-level GET, which
 * carries it), only sent to /auth/oidc, Secure over TLS, gone after 10 minutes or the callback.
 */
export class OidcFlowCookie {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHash('sha256').update(`oidc-flow:${secret}`, 'utf8').digest();
  }

  set(request: Request, response: Response, flow: OidcFlow): void {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()]);
    const value = Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
    response.cookie(FLOW_COOKIE, value, { ...options(request), maxAge: FLOW_MINUTES * 60_000 });
  }

  /** The flow this browser started, if its cookie is there, intact and not expired. */
  read(request: Request, now = Date.now()): OidcFlow | undefined {
    const value = (request.cookies as Record<string, string> | undefined)?.[FLOW_COOKIE];
    if (typeof value !== 'string') return undefined;
    try {
      const raw = Buffer.from(value, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const flow = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as OidcFlow;
      return flow.expiresAt > now ? flow : undefined;
    } catch {
      return undefined;
    }
  }

  clear(request: Request, response: Response): void {
    response.clearCookie(FLOW_COOKIE, options(request));
  }
}

function options(request: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: request.secure, path: PATH };
}
