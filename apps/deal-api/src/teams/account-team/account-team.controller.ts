import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { Access } from '../../auth/access.decorator';
import { ApiRead, ApiTeamCommand } from '../../openapi/api-operations';
import { AUTHENTICATED, TEAM_COMMAND } from '../../openapi/error-codes';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { readAccountTeam } from '../standing-teams';
import { StandingTeamSchema, standingTeamAnswer } from '../team.answer';
import { SetTeamDto, toTemplateMembers } from '../team.dto';
import { TeamCommandHandler } from '../team-command.handler';

const ACCOUNT = {
  name: 'account',
  description: 'The account\'s name as deals carry it (`account.name`), URL-encoded; case and repeated blanks do not matter.',
  schema: { type: 'string' },
} as const;

/** An account's team: joined to or offered on every new deal of the account. */
@ApiTags('teams')
@Controller('account-teams/:account')
export class AccountTeamController {
  constructor(
    private readonly commands: TeamCommandHandler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Access('account-team:read')
  @ApiParam(ACCOUNT)
  @ApiRead('An account\'s team: members, their deal-team roles and access, and the mode', StandingTeamSchema, AUTHENTICATED)
  async get(@Param('account') account: string) {
    const { state, revision } = await readAccountTeam(this.store, account);
    return standingTeamAnswer(account, state, revision);
  }

  @Post()
  @Access('team:SetAccountTeam')
  @ApiParam(ACCOUNT)
  @ApiTeamCommand('Set an account\'s team (sales-ops, admin); it replaces the one before', TEAM_COMMAND)
  set(@Param('account') account: string, @Body() b: SetTeamDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, 'SetAccountTeam', { account, members: toTemplateMembers(b.members), mode: b.mode });
  }
}
