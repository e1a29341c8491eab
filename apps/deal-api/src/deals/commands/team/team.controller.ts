import { Body, Controller, Delete, Param, Post, UseInterceptors } from '@nestjs/common';
import { DEAL_TEAM_ROLES, DealTeamRole, DomainError } from '@deals/domain';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { TeamMemberDto } from '../open-deal/open-deal.dto';
import { DealCommandSender } from '../shared/deal-command.sender';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';

/** The deal team: who works the deal, in which role. */
@Controller('deals/:dealId/team')
@UseInterceptors(RevisionHeadersInterceptor)
export class TeamController {
  constructor(private readonly sender: DealCommandSender) {}

  @Post()
  add(@Param('dealId', DealIdPipe) id: string, @Body() b: TeamMemberDto, @Ctx() ctx: RequestContext) {
    return this.sender.send(ctx, id, 'AddTeamMember', { userId: b.userId, role: b.role });
  }

  @Delete(':userId/:role')
  remove(
    @Param('dealId', DealIdPipe) id: string,
    @Param('userId') userId: string,
    @Param('role') role: string,
    @Ctx() ctx: RequestContext,
  ) {
    if (!(DEAL_TEAM_ROLES as readonly string[]).includes(role)) {
      throw new DomainError('TEAM.ROLE_UNKNOWN', 'invalid', `Unknown deal-team role "${role}"`, { allowed: DEAL_TEAM_ROLES });
    }
    return this.sender.send(ctx, id, 'RemoveTeamMember', { userId, role: role as DealTeamRole });
  }
}
