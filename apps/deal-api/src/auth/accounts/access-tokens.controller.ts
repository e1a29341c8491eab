import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Delete, Get, Header, Param, Post, Req } from '@nestjs/common';
import { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { AccessToken, accessTokenStatus, DomainError, UserErrors } from '@deals/domain';
import { ApiRead } from '../../openapi/api-operations';
import { AUTHENTICATED, COMMAND, JSON_BODY } from '../../openapi/error-codes';
import { PERSONAL_TOKEN_PREFIX } from '../../request-context/personal-token.resolver';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { Access } from '../access.decorator';
import { LiveUserDirectory } from '../live-user-directory';
import { CreateAccessTokenDto } from './account.dto';
import { AccessTokensSchema, CreatedAccessTokenSchema, RevokedAccessTokenSchema } from './account.schemas';
import { AccountActivityLog } from './account-activity.log';
import { CredentialCommandHandler } from './credential-command.handler';
import { CredentialDirectory } from './credential-directory';
import { newSecretToken, tokenHash } from './secret-token';

const USER_ID = { name: 'userId', schema: { type: 'string' } } as const;
const TOKEN_ID = { name: 'tokenId', schema: { type: 'string', format: 'uuid' } } as const;

/**
 * Personal access tokens: a person makes their own for scripts and tools; an admin makes them
 * for service accounts (registered users with the integration role and no password). Each is
 * shown once, listed without its secret, and revocable: a revoked token is refused from the
 * next request on.
 */
@ApiTags('sessions')
@Controller('users/:userId/tokens')
export class AccessTokensController {
  constructor(
    private readonly commands: CredentialCommandHandler,
    private readonly credentials: CredentialDirectory,
    private readonly users: LiveUserDirectory,
    private readonly activity: AccountActivityLog,
  ) {}

  @Post()
  @Access('token:create')
  @Header('Cache-Control', 'no-store')
  @ApiParam(USER_ID)
  @ApiRead({ summary: 'Create a personal access token (oneself; admins also for service accounts), shown once', status: 201 }, CreatedAccessTokenSchema,
    JSON_BODY, COMMAND, {
      400: ['USER.ID_INVALID', 'FIELD.REQUIRED', 'ACCOUNT.TOKEN_SCOPES_INVALID'], 403: ['AUTH.PERMISSION_DENIED', 'AUTH.TOKEN_CANNOT_CREATE'], 404: ['USER.NOT_FOUND'],
      409: ['ACCOUNT.USER_INACTIVE', 'ACCOUNT.TOKEN_LIMIT'],
    })
  async create(@Param('userId') userId: string, @Body() b: CreateAccessTokenDto, @Ctx() ctx: RequestContext, @Req() req: Request) {
    if (req.personalTokenId !== undefined) {
      throw new DomainError('AUTH.TOKEN_CANNOT_CREATE', 'forbidden', 'A personal access token cannot create tokens; sign in, or use an operator token.');
    }
    if (!this.users.find(userId)) throw UserErrors.notFound(userId);
    const token = `${PERSONAL_TOKEN_PREFIX}${newSecretToken()}`;
    const tokenId = randomUUID();
    const expiresAt = new Date(Date.now() + b.expiresInDays * 86_400_000).toISOString();
    await this.commands.handle(ctx.actor, 'CreateAccessToken', { userId, tokenId, name: b.name, tokenHash: tokenHash(token), scopes: b.scopes, expiresAt });
    await this.activity.record({ kind: 'token-created', userId, actorId: ctx.actor.id, address: req.ip, tokenId, expiresAt });
    const created = this.credentials.of(userId)!.tokens[tokenId];
    return { userId, ...this.listed(created), token };
  }

  @Get()
  @Access('token:read')
  @ApiParam(USER_ID)
  @ApiRead('A person\'s personal access tokens, newest first, without their secrets', AccessTokensSchema, AUTHENTICATED, { 403: ['AUTH.PERMISSION_DENIED'] })
  list(@Param('userId') userId: string) {
    const tokens = Object.values(this.credentials.of(userId)?.tokens ?? {});
    return { userId, items: tokens.map((token) => this.listed(token)).sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
  }

  @Delete(':tokenId')
  @Access('token:revoke')
  @ApiParam(USER_ID)
  @ApiParam(TOKEN_ID)
  @ApiRead('Revoke a personal access token: refused from the next request on', RevokedAccessTokenSchema, COMMAND, {
    400: ['USER.ID_INVALID'], 403: ['AUTH.PERMISSION_DENIED'], 404: ['ACCOUNT.TOKEN_NOT_FOUND'],
  })
  async revoke(@Param('userId') userId: string, @Param('tokenId') tokenId: string, @Ctx() ctx: RequestContext, @Req() req: Request) {
    const result = await this.commands.handle(ctx.actor, 'RevokeAccessToken', { userId, tokenId });
    const revoked = result.events.length > 0;
    if (revoked) await this.activity.record({ kind: 'token-revoked', userId, actorId: ctx.actor.id, address: req.ip, tokenId });
    return { userId, tokenId, revoked };
  }

  private listed(token: AccessToken) {
    const { tokenId, name, scopes, createdAt, createdBy, expiresAt, revokedAt, revokedBy } = token;
    return {
      tokenId, name, scopes, status: accessTokenStatus(token, new Date().toISOString()), createdAt, createdBy, expiresAt,
      ...(revokedAt === undefined ? {} : { revokedAt, revokedBy }),
    };
  }
}
