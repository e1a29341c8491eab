import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { DEAL_TEAM_ROLES, TEAM_ACCESS_LEVELS, TEAM_TEMPLATE_MODES, TeamTemplateState } from '@deals/domain';

@ApiSchema({ name: 'TeamTemplateMember' })
export class TeamTemplateMemberSchema {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: DEAL_TEAM_ROLES }) role!: string;
  @ApiProperty({ enum: TEAM_ACCESS_LEVELS }) access!: string;
}

@ApiSchema({ name: 'StandingTeam', description: 'A rep\'s default team or an account\'s team, as set last.' })
export class StandingTeamSchema {
  @ApiProperty({ description: 'The rep, or the account\'s name as last typed (as asked when never set).' }) of!: string;
  @ApiProperty({ description: 'False until the team is first set (then it is empty, in `offer` mode).' }) exists!: boolean;
  @ApiProperty({ enum: TEAM_TEMPLATE_MODES }) mode!: string;
  @ApiProperty({ type: [TeamTemplateMemberSchema] }) members!: TeamTemplateMemberSchema[];
  @ApiPropertyOptional({ format: 'date-time' }) setAt?: string;
  @ApiPropertyOptional() setBy?: string;
  @ApiProperty({ type: 'integer', description: 'The team stream\'s revision (-1 when never set); send it as If-Match.' }) revision!: number;
}

export function standingTeamAnswer(of: string, state: TeamTemplateState, revision: number) {
  return {
    of: state.exists ? state.of : of, exists: state.exists, mode: state.mode, members: state.members,
    ...(state.setAt === undefined ? {} : { setAt: state.setAt }), ...(state.setBy === undefined ? {} : { setBy: state.setBy }), revision,
  };
}
