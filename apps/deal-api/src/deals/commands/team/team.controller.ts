import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Delete, Param, Post, UseInterceptors } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { DEAL_TEAM_ROLES, DealTeamRole, DomainError } from '@deals/domain';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { ApiDealCommand, ApiDealId } from '../../../openapi/api-operations';
import { DEAL_COMMAND, JSON_BODY } from '../../../openapi/error-codes';
import { TeamMemberDto } from '../open-deal/open-deal.dto';
import { DealCommandHandler } from '../deal-command.handler';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';

/** The deal team: who works the deal, in which role. */
@ApiTags('team')
@ApiDealId()
@Controller('deals/:dealId/team')
@UseInterceptors(RevisionHeadersInterceptor)
export class TeamController {
  constructor(private readonly commands: DealCommandHandler) {}

  @Post()
  @Access('deal:AddTeamMember')
  @ApiDealCommand('Add someone to the deal team', JSON_BODY, DEAL_COMMAND, { 400: ['FIELD.REQUIRED', 'TEAM.ROLE_UNKNOWN', 'TEAM.ACCESS_UNKNOWN'], 409: ['TEAM.MEMBER_EXISTS'] })
  add(@Param('dealId', DealIdPipe) id: string, @Body() b: TeamMemberDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'AddTeamMember', { userId: b.userId, role: b.role, ...(b.access === undefined ? {} : { access: b.access }) });
  }

  @Delete(':userId/:role')
  @Access('deal:RemoveTeamMember')
  @ApiParam({ name: 'userId', schema: { type: 'string' } })
  @ApiParam({ name: 'role', schema: { type: 'string', enum: [...DEAL_TEAM_ROLES] } })
  @ApiDealCommand(
    { summary: 'Remove someone from the deal team', status: 200 },
    DEAL_COMMAND, { 400: ['TEAM.ROLE_UNKNOWN'], 404: ['TEAM.MEMBER_NOT_FOUND'] },
  )
  remove(
    @Param('dealId', DealIdPipe) id: string,
    @Param('userId') userId: string,
    @Param('role') role: string,
    @Ctx() ctx: RequestContext,
  ) {
    if (!(DEAL_TEAM_ROLES as readonly string[]).includes(role)) {
      throw new DomainError('TEAM.ROLE_UNKNOWN', 'invalid', `Unknown deal-team role "${role}"`, { allowed: DEAL_TEAM_ROLES });
    }
    return this.commands.handle(ctx, id, 'RemoveTeamMember', { userId, role: role as DealTeamRole });
  }
}
