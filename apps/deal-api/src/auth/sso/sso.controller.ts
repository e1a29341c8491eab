import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Header, Inject, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { resolveAuthSecret } from '@deals/access-tokens';
import { API_CONFIG, ApiConfig } from '../../config/api-config';
import { ApiErrors } from '../../openapi/api-errors';
import { ApiPublic, ApiRead } from '../../openapi/api-operations';
import { DOOR } from '../../openapi/error-codes';
import { Public } from '../../request-context/actor.guard';
import { AccountActivityLog } from '../accounts/account-activity.log';
import { addressOf } from '../accounts/session.controller';
import { setSessionCookie } from '../accounts/session-cookie';
import { OidcClient } from './oidc-client';
import { OidcFlowCookie } from './oidc-flow-cookie';
import { SsoSignInService } from './sso-sign-in.service';
import { SSO_CALLBACK_CODES, SsoError, SsoErrors } from './sso.errors';
import { AuthMethodsSchema } from './sso.schemas';

const START = '/auth/oidc/start';
/** Who a refusal is recorded for before the provider has said who the person is. */
const UNIDENTIFIED = '(unidentified)';

/**
 * Single sign-on with an OpenID provider: the sign-in page asks which ways there are, the button
 * goes to `start` (to the provider, the flow bound to this browser by a sealed cookie), the
 * provider sends the browser back to `callback`, which checks everything and sets the session
 * cookie. A browser that is refused lands on the sign-in page, which says why; other clients get
 * the 4xx answer.
 */
@Public()
@ApiTags('sessions')
@Controller('auth')
export class SsoController {
  private readonly flows: OidcFlowCookie;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly client: OidcClient,
    private readonly sso: SsoSignInService,
    private readonly activity: AccountActivityLog,
  ) {
    this.flows = new OidcFlowCookie(resolveAuthSecret(config));
  }

  @Get('methods')
  @ApiPublic()
  @ApiRead('How people may sign in here: a password, and single sign-on when it is configured (no token needed)', AuthMethodsSchema, DOOR)
  methods() {
    const settings = this.client.settings;
    return { password: true, sso: settings ? { name: settings.providerName, startUrl: START } : null };
  }

  @Get('oidc/start')
  @ApiPublic()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Sign in with the OpenID provider: sends the browser there (authorization code with PKCE, state and nonce bound to this browser by a cookie)' })
  @ApiResponse({ status: 303, description: 'To the provider\'s authorization endpoint; sets the `deals_oidc` flow cookie (10 minutes).' })
  @ApiErrors({ 404: ['AUTH.SSO_DISABLED'], 503: ['AUTH.SSO_PROVIDER_UNREACHABLE'] })
  async start(@Req() req: Request, @Res() res: Response): Promise<void> {
    const { url, flow } = await this.client.start();
    this.flows.set(req, res, flow);
    res.redirect(303, url.href);
  }

  @Get('oidc/callback')
  @ApiPublic()
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  @ApiOperation({
    summary: 'Where the provider sends the browser back (`code`, `state`, `iss`, or `error`): checks them, finds or registers the person, sets the session cookie',
    description: 'Success: 303 to `/app/` with the session cookie. Refused: a browser (Accept: text/html) is sent to `/app/#/?sso-error=<code>`, '
      + 'whose sign-in page says why; other clients get the error. Every refusal is recorded in the account audit.',
  })
  @ApiResponse({ status: 303, description: 'To `/app/`, signed in; or, for a browser that was refused, to the sign-in page naming the problem.' })
  @ApiErrors(SSO_CALLBACK_CODES)
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const address = addressOf(req);
    const flow = this.flows.read(req);
    this.flows.clear(req, res);
    try {
      if (!this.client.settings) throw SsoErrors.disabled();
      if (!flow) throw SsoErrors.flowMissing();
      const callback = new URL(this.client.settings.redirectUri);
      callback.search = new URL(req.originalUrl, callback).search;
      const claims = await this.client.finish(callback, flow);
      const { token, expiresAt } = await this.sso.signIn(claims, address);
      setSessionCookie(req, res, token, expiresAt);
      res.redirect(303, '/app/');
    } catch (error) {
      if (!(error instanceof SsoError)) throw error;
      const userId = typeof error.details.userId === 'string' ? error.details.userId : UNIDENTIFIED;
      await this.activity.record({ kind: 'sign-in-failed', userId, actorId: userId, address, reason: error.reason, method: 'oidc' });
      if (req.accepts(['json', 'html']) !== 'html') throw error;
      res.redirect(303, `/app/#/?sso-error=${encodeURIComponent(error.code)}`);
    }
  }
}
