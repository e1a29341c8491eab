import { Inject, Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { API_CONFIG, ApiConfig } from '../../config/api-config';
import { isLoopbackIssuer, OidcSettings } from '../../config/oidc-settings';
import { FLOW_MINUTES, OidcFlow } from './oidc-flow-cookie';
import { SsoErrors } from './sso.errors';

/** The claims of the person the provider signed in: the ID token's, with the userinfo endpoint's added. */
export type OidcClaims = Readonly<Record<string, unknown>> & { readonly iss: string; readonly sub: string };

/**
 * The engine as an OpenID Connect client (openid-client): authorization code flow with PKCE
 * (S256), `state` and `nonce`. The provider's metadata is discovered on first use and kept; a
 * provider that cannot be reached then is asked again next time.
 */
@Injectable()
export class OidcClient {
  private readonly logger = new Logger('OidcClient');
  readonly settings?: OidcSettings;
  private configuration?: Promise<oidc.Configuration>;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.settings = config.oidc;
  }

  /** Where to send the browser, and what its flow cookie must hold for the callback. */
  async start(now = Date.now()): Promise<{ url: URL; flow: OidcFlow }> {
    const settings = this.required();
    const config = await this.discovered();
    const flow: OidcFlow = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier(), expiresAt: now + FLOW_MINUTES * 60_000 };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: settings.redirectUri, scope: settings.scopes.join(' '), state: flow.state, nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier), code_challenge_method: 'S256',
    });
    return { url, flow };
  }

  /** Checks the provider's answer against the flow (state, then the code with its PKCE verifier, then the ID token and its nonce). */
  async finish(callback: URL, flow: OidcFlow): Promise<OidcClaims> {
    this.required();
    if (callback.searchParams.get('state') !== flow.state) throw SsoErrors.stateMismatch();
    const config = await this.discovered();
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: flow.codeVerifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      const userinfo = config.serverMetadata().userinfo_endpoint ? await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub) : {};
      return { ...idToken, ...userinfo, iss: idToken.iss, sub: idToken.sub };
    } catch (error) {
      throw this.refusal(error);
    }
  }

  private refusal(error: unknown): Error {
    if (error instanceof oidc.AuthorizationResponseError) return SsoErrors.providerError(error.error, error.error_description);
    if (error instanceof oidc.ResponseBodyError) return error.error === 'invalid_grant' ? SsoErrors.codeRejected(error.error) : SsoErrors.providerError(error.error, error.error_description);
    if (error instanceof oidc.ClientError) {
      if (claimOf(error) === 'nonce') return SsoErrors.nonceMismatch();
      return SsoErrors.tokenInvalid(error.message);
    }
    this.logger.warn(`token request to the provider failed: ${error instanceof Error ? error.message : String(error)}`);
    return SsoErrors.providerUnreachable();
  }

  private required(): OidcSettings {
    if (!this.settings) throw SsoErrors.disabled();
    return this.settings;
  }

  private discovered(): Promise<oidc.Configuration> {
    const settings = this.required();
    this.configuration ??= oidc.discovery(new URL(settings.issuer), settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), {
      execute: isLoopbackIssuer(settings.issuer) ? [oidc.allowInsecureRequests] : [], timeout: 10,
    }).catch((error: unknown) => {
      this.configuration = undefined;
      this.logger.warn(`discovery of ${settings.issuer} failed: ${error instanceof Error ? error.message : String(error)}`);
      throw SsoErrors.providerUnreachable();
    });
    return this.configuration;
  }
}

/** The claim a failed comparison was about, wherever oauth4webapi put it in the chain of causes. */
function claimOf(error: unknown): string | undefined {
  for (let at: unknown = error; at && typeof at === 'object'; at = (at as { cause?: unknown }).cause) {
    const claim = (at as { claim?: unknown }).claim;
    if (typeof claim === 'string') return claim;
  }
  return undefined;
}
