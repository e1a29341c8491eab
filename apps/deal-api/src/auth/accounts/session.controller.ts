import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { UserErrors } from '@deals/domain';
import { ApiPublic, ApiRead } from '../../openapi/api-operations';
import { AUTHENTICATED, JSON_BODY } from '../../openapi/error-codes';
import { Public } from '../../request-context/actor.guard';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { SessionActorResolver } from '../../request-context/session-actor.resolver';
import { Access } from '../access.decorator';
import { LiveUserDirectory } from '../live-user-directory';
import { SignInDto } from './account.dto';
import { SessionSchema, SignedOutSchema } from './account.schemas';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './session-cookie';
import { SignInService } from './sign-in.service';

const CSRF = { 403: ['AUTH.CSRF_REJECTED'], 401: ['AUTH.SESSION_INVALID'] };

export const addressOf = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/** The dashboard's sign-in: a password in, an HttpOnly session cookie and the session's CSRF token out. */
@ApiTags('sessions')
@Controller('auth')
export class SessionController {
  constructor(
    private readonly signIns: SignInService,
    private readonly sessions: SessionActorResolver,
    private readonly directory: LiveUserDirectory,
  ) {}

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiPublic()
  @ApiRead('Sign in with a user id and a password (no token needed): sets the session cookie, answers the CSRF token', SessionSchema, JSON_BODY, {
    401: ['AUTH.SIGN_IN_FAILED'], 429: ['AUTH.SIGN_IN_LOCKED'],
  })
  async signIn(@Body() b: SignInDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { user, token, expiresAt } = await this.signIns.signIn(b.userId, b.password, addressOf(req));
    setSessionCookie(req, res, token, expiresAt);
    return { userId: user.userId, name: user.name, roles: user.roles, via: 'session', expiresAt: expiresAt.toISOString(), csrfToken: this.sessions.csrfTokenOf(token) };
  }

  @Get('session')
  @Access('session:read')
  @Header('Cache-Control', 'no-store')
  @ApiRead('The caller and how they are signed in; with the session cookie, its CSRF token (after a reload the page asks for it here)', SessionSchema, AUTHENTICATED, CSRF)
  session(@Ctx() ctx: RequestContext, @Req() req: Request) {
    const user = this.directory.find(ctx.actor.id);
    if (!user) throw UserErrors.notFound(ctx.actor.id);
    const cookie = req.sessionId === undefined ? undefined : (req.cookies as Record<string, string>)[SESSION_COOKIE];
    return {
      userId: user.userId, name: user.name, roles: user.roles, via: cookie === undefined ? 'bearer' : 'session',
      expiresAt: new Date(req.tokenExpiresAt ?? Date.now()).toISOString(),
      csrfToken: cookie === undefined ? null : this.sessions.csrfTokenOf(cookie),
    };
  }

  @Post('sign-out')
  @HttpCode(200)
  @Access('session:sign-out')
  @ApiRead('Sign out: ends the session on the server and clears the cookie (with a bearer token there is no session to end)', SignedOutSchema, AUTHENTICATED, CSRF)
  async signOut(@Ctx() ctx: RequestContext, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const signedOut = req.sessionId === undefined ? false : await this.signIns.signOut(ctx.actor.id, req.sessionId, addressOf(req));
    if (req.sessionId !== undefined) clearSessionCookie(req, res);
    return { signedOut };
  }
}
