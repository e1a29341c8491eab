import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { UserErrors } from '@deals/domain';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { ApiRead, UserCommand } from '../../openapi/api-operations';
import { AUTHENTICATED, USER_COMMAND } from '../../openapi/error-codes';
import { MeSchema } from '../../openapi/schemas';
import { UserDirectory } from '../user-directory';
import { ChangeUserRolesDto, RegisterUserDto } from './register-user.dto';
import { UserCommands } from './user-commands';

/** People who use the engine: admins register them; anyone reads themselves. */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly commands: UserCommands,
    private readonly directory: UserDirectory,
  ) {}

  @Post()
  @UserCommand('Register a user (admin)', USER_COMMAND, { 400: ['USER.MANAGER_INVALID'], 409: ['USER.ALREADY_EXISTS'] })
  register(@Body() b: RegisterUserDto, @Ctx() ctx: RequestContext) {
    return this.commands.send(ctx, 'RegisterUser', { userId: b.userId, name: b.name, roles: b.roles, managerId: b.managerId });
  }

  @Post(':userId/roles')
  @ApiParam({ name: 'userId', schema: { type: 'string' } })
  @UserCommand('Change a user\'s roles (admin); they take effect with the user\'s next token', USER_COMMAND, { 404: ['USER.NOT_FOUND'] })
  changeRoles(@Param('userId') userId: string, @Body() b: ChangeUserRolesDto, @Ctx() ctx: RequestContext) {
    return this.commands.send(ctx, 'ChangeUserRoles', { userId, roles: b.roles });
  }

  /** The caller as registered, and the roles their token carries (they differ until a new token is issued). */
  @Get('me')
  @ApiRead('The caller as registered, and the roles their token carries', MeSchema, AUTHENTICATED, { 404: ['USER.NOT_FOUND'] })
  async me(@Ctx() ctx: RequestContext) {
    const user = await this.directory.find(ctx.actor.id);
    if (!user) throw UserErrors.notFound(ctx.actor.id);
    return { userId: user.userId, name: user.name, roles: user.roles, managerId: user.managerId ?? null, tokenRoles: ctx.actor.roles };
  }
}
