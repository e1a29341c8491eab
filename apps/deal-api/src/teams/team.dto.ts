import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { DEAL_TEAM_ROLES, DealTeamRole, TEAM_ACCESS_LEVELS, TEAM_TEMPLATE_MODES, TeamAccess, TeamTemplateMode } from '@deals/domain';

export class TeamTemplateMemberDto {
  @ApiProperty({ pattern: '^[A-Za-z0-9._@-]{1,100}$', example: 'sam.se' })
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  userId!: string;

  @ApiProperty({ enum: DEAL_TEAM_ROLES, description: 'The role on each deal\'s team.' })
  @IsIn(DEAL_TEAM_ROLES)
  role!: DealTeamRole;

  @ApiPropertyOptional({
    enum: TEAM_ACCESS_LEVELS,
    description: 'What the member may do on the deals (default `full`): `full` what their roles allow, `record-facts` read and record buyer facts, `read` read only.',
  })
  @IsOptional()
  @IsIn(TEAM_ACCESS_LEVELS)
  access?: TeamAccess;
}

/** A whole team: it replaces the one set before. */
export class SetTeamDto {
  @ApiProperty({ type: () => [TeamTemplateMemberDto], maxItems: 50, description: 'Everyone on the team (an empty list clears it).' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TeamTemplateMemberDto)
  members!: TeamTemplateMemberDto[];

  @ApiProperty({ enum: TEAM_TEMPLATE_MODES, description: 'When a deal is opened: add the members at once, or offer them to the rep to pick from.' })
  @IsIn(TEAM_TEMPLATE_MODES)
  mode!: TeamTemplateMode;
}

export const toTemplateMembers = (members: readonly TeamTemplateMemberDto[]) =>
  members.map((m) => ({ userId: m.userId, role: m.role, access: m.access ?? 'full' }));
