import { parseRoleMap, RoleMap, USER_ID } from '@deals/domain';

/** Single sign-on with an OpenID provider (docs/operations.md, "Single sign-on"); absent when OIDC_ISSUER is unset. */
export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  /** Sent to the token endpoint only. Never log it. */
  readonly clientSecret: string;
  /** PUBLIC_URL + /auth/oidc/callback: registered at the provider as is. */
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  /** Shown on the sign-in button: "Sign in with <providerName>". */
  readonly providerName: string;
  /** The claim whose value is the engine's user id (`email`, `preferred_username`, `sub`…). */
  readonly userClaim: string;
  readonly groupsClaim: string;
  /** Absent: SSO only signs people in, admins keep their roles in the engine. */
  readonly roleMap?: RoleMap;
  /** Register a person the engine does not know on their first sign-in, with the mapped roles. */
  readonly provision: boolean;
  /** The manager of people registered on first sign-in. */
  readonly provisionManagerId?: string;
}

const CLAIM = /^[A-Za-z0-9_.:-]{1,100}$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True when the issuer may be reached over plain HTTP: a provider on this machine (tests, development). */
export const isLoopbackIssuer = (issuer: string): boolean => {
  const url = new URL(issuer);
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
};

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/**
 * Reads the OIDC_* settings. None set: SSO is off. Otherwise every problem is collected and the
 * start stops with all of them listed at once; the client secret is never part of a message.
 */
export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const value = (name: string): string | undefined => (env[name] === undefined || env[name]!.trim() === '' ? undefined : env[name]!.trim());
  const set = Object.keys(env).filter((name) => name.startsWith('OIDC_') && value(name) !== undefined);
  if (set.length === 0) return undefined;
  const problems: string[] = [];

  const issuerText = value('OIDC_ISSUER');
  const issuer = issuerText === undefined ? undefined : parseUrl(issuerText);
  if (issuerText === undefined) problems.push(`OIDC_ISSUER is required when any OIDC_ setting is set (set: ${set.join(', ')})`);
  else if (!issuer) problems.push(`OIDC_ISSUER must be a URL, got "${issuerText}"`);
  else if (issuer.protocol !== 'https:' && !isLoopbackIssuer(issuer.href)) problems.push(`OIDC_ISSUER must be an https URL (plain http only on this machine), got "${issuerText}"`);

  const clientId = value('OIDC_CLIENT_ID');
  if (clientId === undefined) problems.push('OIDC_CLIENT_ID is required');
  const clientSecret = value('OIDC_CLIENT_SECRET');
  if (clientSecret === undefined) problems.push('OIDC_CLIENT_SECRET is required (the engine is a confidential client)');

  const publicText = value('PUBLIC_URL');
  const publicUrl = publicText === undefined ? undefined : parseUrl(publicText);
  if (publicText === undefined) problems.push('PUBLIC_URL is required with single sign-on: the redirect URI is PUBLIC_URL/auth/oidc/callback');
  else if (!publicUrl || !['http:', 'https:'].includes(publicUrl.protocol)) problems.push(`PUBLIC_URL must be an http(s) URL, got "${publicText}"`);

  const scopes = (value('OIDC_SCOPES') ?? 'openid email profile').split(/\s+/);
  if (!scopes.includes('openid')) problems.push(`OIDC_SCOPES must include openid, got "${scopes.join(' ')}"`);

  const claim = (name: string, fallback: string): string => {
    const text = value(name) ?? fallback;
    if (!CLAIM.test(text)) problems.push(`${name} must be a claim name (letters, digits, _ . : -), got "${text}"`);
    return text;
  };
  const userClaim = claim('OIDC_USER_CLAIM', 'email');
  const groupsClaim = claim('OIDC_GROUPS_CLAIM', 'groups');

  const mapText = value('OIDC_ROLE_MAP');
  const parsed = mapText === undefined ? undefined : parseRoleMap(mapText);
  if (parsed) problems.push(...parsed.problems);

  const provisionText = value('OIDC_PROVISION') ?? 'false';
  if (provisionText !== 'true' && provisionText !== 'false') problems.push(`OIDC_PROVISION must be true or false, got "${provisionText}"`);
  const provision = provisionText === 'true';
  if (provision && mapText === undefined) problems.push('OIDC_PROVISION=true needs OIDC_ROLE_MAP: a person registered on first sign-in gets the roles their groups map to');
  const provisionManagerId = value('OIDC_PROVISION_MANAGER');
  if (provisionManagerId !== undefined && !USER_ID.test(provisionManagerId)) problems.push(`OIDC_PROVISION_MANAGER must be a user id, got "${provisionManagerId}"`);
  if (provisionManagerId !== undefined && !provision) problems.push('OIDC_PROVISION_MANAGER is only used with OIDC_PROVISION=true');

  const providerName = value('OIDC_PROVIDER_NAME') ?? issuer?.hostname ?? '';
  if (providerName.length > 60) problems.push('OIDC_PROVIDER_NAME must be at most 60 characters');

  if (problems.length > 0) throw new Error(`Single sign-on is not configured correctly:\n  - ${problems.join('\n  - ')}`);
  return {
    issuer: issuer!.href, clientId: clientId!, clientSecret: clientSecret!,
    redirectUri: new URL('/auth/oidc/callback', publicUrl!.origin).href,
    scopes, providerName, userClaim, groupsClaim, roleMap: parsed?.map, provision,
    ...(provisionManagerId === undefined ? {} : { provisionManagerId }),
  };
}
