import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { Access } from '../../auth/access.decorator';
import { ApiRead, ApiTeamCommand } from '../../openapi/api-operations';
import { AUTHENTICATED, TEAM_COMMAND } from '../../openapi/error-codes';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { readDefaultTeam } from '../standing-teams';
import { StandingTeamSchema, standingTeamAnswer } from '../team.answer';
import { SetTeamDto, toTemplateMembers } from '../team.dto';
import { TeamCommandHandler } from '../team-command.handler';

const USER_ID = { name: 'userId', description: 'The rep whose new deals the team serves.', schema: { type: 'string' } } as const;

/** A rep's default deal team: joined to or offered on each deal they open. */
@ApiTags('teams')
@Controller('users/:userId/default-team')
export class DefaultTeamController {
  constructor(
    private readonly commands: TeamCommandHandler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Access('default-team:read')
  @ApiParam(USER_ID)
  @ApiRead('A rep\'s default deal team: members, their deal-team roles and access, and the mode', StandingTeamSchema, AUTHENTICATED)
  async get(@Param('userId') userId: string) {
    const { state, revision } = await readDefaultTeam(this.store, userId);
    return standingTeamAnswer(userId, state, revision);
  }

  @Post()
  @Access('team:SetDefaultTeam')
  @ApiParam(USER_ID)
  @ApiTeamCommand(
    'Set a rep\'s default deal team (the rep, their managers, sales-ops, admin); it replaces the one before',
    TEAM_COMMAND, { 404: ['USER.NOT_FOUND'], 400: ['USER.ID_INVALID'] },
  )
  set(@Param('userId') userId: string, @Body() b: SetTeamDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, 'SetDefaultTeam', { userId, members: toTemplateMembers(b.members), mode: b.mode });
  }
}
