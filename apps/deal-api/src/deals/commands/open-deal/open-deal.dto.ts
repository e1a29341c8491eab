import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { DEAL_TEAM_ROLES, DealTeamRole, TEAM_ACCESS_LEVELS, TeamAccess } from '@deals/domain';
import { BackdatableDto } from '../shared/fact.dto';
import { LineItemDto, MONEY, MONEY_MESSAGE } from '../shared/money.dto';

export class AccountDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Acme GmbH' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100, description: 'Matched by commission plans\' vertical incentives.', example: 'manufacturing' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  industry?: string;
}

export class TeamMemberDto {
  @ApiProperty({ pattern: '^[A-Za-z0-9._@-]{1,100}$', example: 'sam.se' })
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  userId!: string;

  @ApiProperty({ enum: DEAL_TEAM_ROLES, description: 'The role on this deal\'s team.' })
  @IsIn(DEAL_TEAM_ROLES)
  role!: DealTeamRole;

  @ApiPropertyOptional({
    enum: TEAM_ACCESS_LEVELS,
    description: 'What the member may do on this deal (default `full`): `full` what their roles allow, `record-facts` read and record buyer facts, `read` read only.',
  })
  @IsOptional()
  @IsIn(TEAM_ACCESS_LEVELS)
  access?: TeamAccess;
}

export class OpenDealDto extends BackdatableDto {
  /** Optional: the caller may choose the deal's id; otherwise one is assigned. */
  @ApiPropertyOptional({ format: 'uuid', description: 'The deal\'s id, if the caller chooses it; otherwise one is assigned (derived from the Idempotency-Key when one is sent).' })
  @IsOptional()
  @IsUUID()
  dealId?: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Acme — platform rollout' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ type: () => AccountDto })
  @IsDefined({ message: '$property is required' })
  @ValidateNested()
  @Type(() => AccountDto)
  account!: AccountDto;

  @ApiPropertyOptional({ pattern: '^[A-Za-z0-9._-]{1,100}$', description: 'The pipeline to follow, on its latest version (default: the default pipeline\'s latest). The deal stays on that version.', example: 'default' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/)
  pipelineId?: string;

  /** Defaults to the acting user. */
  @ApiPropertyOptional({ pattern: '^[A-Za-z0-9._@-]{1,100}$', description: 'The owning rep (default: the caller).', example: 'ana.ae' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  ownerId?: string;

  @ApiProperty({ pattern: '^[A-Z]{3}$', description: 'ISO 4217.', example: 'EUR' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as "EUR"' })
  currency!: string;

  @ApiProperty({ pattern: MONEY.source, description: 'Decimal string; line items, when given, must add up to it.', example: '60000.00' })
  @Matches(MONEY, { message: `expectedAmount ${MONEY_MESSAGE}` })
  expectedAmount!: string;

  @ApiPropertyOptional({ type: () => [LineItemDto], maxItems: 200 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LineItemDto)
  lineItems?: LineItemDto[];

  @ApiPropertyOptional({ type: () => [TeamMemberDto], maxItems: 50, description: 'The deal team besides the owner.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TeamMemberDto)
  team?: TeamMemberDto[];
}
