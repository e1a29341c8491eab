import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { Request } from 'express';
import { UserErrors } from '@deals/domain';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { ApiRead, ApiUserCommand } from '../../openapi/api-operations';
import { AUTHENTICATED, USER_COMMAND } from '../../openapi/error-codes';
import { MeSchema } from '../../openapi/schemas';
import { Access } from '../access.decorator';
import { LiveUserDirectory } from '../live-user-directory';
import { ChangeUserRolesDto, RegisterUserDto, UserStatusDto } from './register-user.dto';
import { UserCommandHandler } from './user-command.handler';

const USER_ID = { name: 'userId', schema: { type: 'string' } } as const;

/** People who use the engine: admins register them and change their rights; anyone reads themselves. */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly commands: UserCommandHandler,
    private readonly directory: LiveUserDirectory,
  ) {}

  @Post()
  @Access('user:RegisterUser')
  @ApiUserCommand('Register a user (admin)', USER_COMMAND, { 400: ['USER.MANAGER_INVALID'], 409: ['USER.ALREADY_EXISTS'] })
  register(@Body() b: RegisterUserDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, 'RegisterUser', { userId: b.userId, name: b.name, roles: b.roles, managerId: b.managerId });
  }

  @Post(':userId/roles')
  @Access('user:ChangeUserRoles')
  @ApiParam(USER_ID)
  @ApiUserCommand('Change a user\'s roles (admin, never their own); they apply from the user\'s next request', USER_COMMAND, { 404: ['USER.NOT_FOUND'] })
  changeRoles(@Param('userId') userId: string, @Body() b: ChangeUserRolesDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, 'ChangeUserRoles', { userId, roles: b.roles });
  }

  @Post(':userId/deactivate')
  @Access('user:DeactivateUser')
  @ApiParam(USER_ID)
  @ApiUserCommand('Deactivate a user (admin, never themselves): their tokens and open live feeds stop at once', USER_COMMAND, {
    404: ['USER.NOT_FOUND'], 409: ['USER.ALREADY_DEACTIVATED'],
  })
  deactivate(@Param('userId') userId: string, @Body() b: UserStatusDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, 'DeactivateUser', { userId, reason: b.reason });
  }

  @Post(':userId/reactivate')
  @Access('user:ReactivateUser')
  @ApiParam(USER_ID)
  @ApiUserCommand('Reactivate a deactivated user (admin)', USER_COMMAND, { 404: ['USER.NOT_FOUND'], 409: ['USER.NOT_DEACTIVATED'] })
  reactivate(@Param('userId') userId: string, @Body() b: UserStatusDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, 'ReactivateUser', { userId, reason: b.reason });
  }

  /** The caller as registered; `tokenRoles` are the roles the token was issued with (rights follow `roles`). */
  @Get('me')
  @Access('user:me')
  @ApiRead('The caller as registered, and the roles their token was issued with', MeSchema, AUTHENTICATED, { 404: ['USER.NOT_FOUND'] })
  me(@Ctx() ctx: RequestContext, @Req() req: Request) {
    const user = this.directory.find(ctx.actor.id);
    if (!user) throw UserErrors.notFound(ctx.actor.id);
    return { userId: user.userId, name: user.name, roles: user.roles, managerId: user.managerId ?? null, tokenRoles: req.tokenRoles ?? [] };
  }
}
