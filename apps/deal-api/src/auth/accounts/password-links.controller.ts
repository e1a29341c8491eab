import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Header, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { checkPassword, CredentialErrors, PasswordLinkPurpose, UserErrors } from '@deals/domain';
import { accountSettingsOf, AccountSettings } from '../../config/account-settings';
import { API_CONFIG, ApiConfig } from '../../config/api-config';
import { ApiPublic, ApiRead } from '../../openapi/api-operations';
import { COMMAND, JSON_BODY } from '../../openapi/error-codes';
import { Public } from '../../request-context/actor.guard';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { Access } from '../access.decorator';
import { LiveUserDirectory } from '../live-user-directory';
import { SetPasswordDto } from './account.dto';
import { PasswordLinkSchema, PasswordSetSchema } from './account.schemas';
import { AccountActivityLog } from './account-activity.log';
import { CredentialCommandHandler } from './credential-command.handler';
import { CredentialDirectory } from './credential-directory';
import { PasswordHasher } from './password-hasher';
import { newSecretToken, sameSecret, tokenHash } from './secret-token';

const USER_ID = { name: 'userId', schema: { type: 'string' } } as const;
const LINK_ERRORS = { 400: ['USER.ID_INVALID'], 403: ['AUTH.PERMISSION_DENIED'], 404: ['USER.NOT_FOUND'], 409: ['ACCOUNT.USER_INACTIVE'] };

/**
 * Invitations and password resets: an admin gets a one-time link (shown once; only its token's
 * hash is kept) that is valid for AUTH_LINK_HOURS; the person opens it in the dashboard and sets
 * a password, which spends the link and ends their sessions.
 */
@ApiTags('sessions')
@Controller()
export class PasswordLinksController {
  private readonly settings: AccountSettings;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly commands: CredentialCommandHandler,
    private readonly credentials: CredentialDirectory,
    private readonly hasher: PasswordHasher,
    private readonly activity: AccountActivityLog,
    private readonly users: LiveUserDirectory,
  ) {
    this.settings = accountSettingsOf(config);
  }

  @Post('users/:userId/invitation')
  @Access('account:invite')
  @Header('Cache-Control', 'no-store')
  @ApiParam(USER_ID)
  @ApiRead({ summary: 'Invite a registered person (admin): a one-time link to set their first password, shown once', status: 201 }, PasswordLinkSchema,
    COMMAND, LINK_ERRORS, { 409: ['ACCOUNT.PASSWORD_ALREADY_SET'] })
  invite(@Param('userId') userId: string, @Ctx() ctx: RequestContext, @Req() req: Request) {
    return this.issue('invitation', userId, ctx, req);
  }

  @Post('users/:userId/password-reset')
  @Access('account:reset-password')
  @Header('Cache-Control', 'no-store')
  @ApiParam(USER_ID)
  @ApiRead({ summary: 'Issue a password reset link (admin), shown once; the current password works until the new one is set', status: 201 }, PasswordLinkSchema,
    COMMAND, LINK_ERRORS)
  reset(@Param('userId') userId: string, @Ctx() ctx: RequestContext, @Req() req: Request) {
    return this.issue('reset', userId, ctx, req);
  }

  @Public()
  @Post('auth/password')
  @HttpCode(200)
  @ApiPublic()
  @ApiRead('Set a password with the token of an invitation or reset link (no token needed); ends every session of the person', PasswordSetSchema, JSON_BODY, {
    400: ['ACCOUNT.LINK_INVALID', 'ACCOUNT.LINK_EXPIRED', 'ACCOUNT.PASSWORD_WEAK'],
  })
  async setPassword(@Body() b: SetPasswordDto, @Req() req: Request) {
    const hash = tokenHash(b.token);
    // The link is checked before the password is hashed: a wrong token costs no argon2 work.
    const link = this.credentials.of(b.userId)?.link;
    if (link === undefined || !sameSecret(link.tokenHash, hash)) throw CredentialErrors.linkInvalid();
    if (Date.parse(link.expiresAt) <= Date.now()) throw CredentialErrors.linkExpired(link.expiresAt);
    checkPassword(b.password, b.userId);
    const passwordHash = await this.hasher.hash(b.password);
    await this.commands.handle({ id: b.userId, roles: [] }, 'SetPassword', { userId: b.userId, tokenHash: hash, passwordHash });
    await this.activity.record({ kind: 'password-set', userId: b.userId, actorId: b.userId, address: req.ip, linkId: link.linkId, reason: link.purpose });
    return { userId: b.userId, purpose: link.purpose };
  }

  private async issue(purpose: PasswordLinkPurpose, userId: string, ctx: RequestContext, req: Request) {
    if (!this.users.find(userId)) throw UserErrors.notFound(userId);
    const token = newSecretToken();
    const linkId = randomUUID();
    const expiresAt = new Date(Date.now() + this.settings.linkHours * 3_600_000).toISOString();
    await this.commands.handle(ctx.actor, 'IssuePasswordLink', { userId, linkId, purpose, tokenHash: tokenHash(token), expiresAt });
    await this.activity.record({ kind: purpose === 'invitation' ? 'invitation-issued' : 'reset-issued', userId, actorId: ctx.actor.id, address: req.ip, linkId, expiresAt });
    const origin = this.settings.publicUrl ?? `${req.protocol}://${req.get('host')}`;
    const url = `${origin}/app/#/set-password?user=${encodeURIComponent(userId)}&token=${token}`;
    return { userId, purpose, linkId, url, token, expiresAt };
  }
}
