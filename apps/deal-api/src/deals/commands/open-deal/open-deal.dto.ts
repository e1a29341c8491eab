import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested,
} from 'class-validator';
import { DEAL_TEAM_ROLES, DealTeamRole } from '@deals/domain';
import { BackdatableDto } from '../shared/fact.dto';
import { LineItemDto, MONEY, MONEY_MESSAGE } from '../shared/money.dto';

export class AccountDto {
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  industry?: string;
}

export class TeamMemberDto {
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  userId!: string;

  @IsIn(DEAL_TEAM_ROLES)
  role!: DealTeamRole;
}

export class OpenDealDto extends BackdatableDto {
  /** Optional: the caller may choose the deal's id; otherwise one is assigned. */
  @IsOptional()
  @IsUUID()
  dealId?: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @ValidateNested()
  @Type(() => AccountDto)
  account!: AccountDto;

  /** Defaults to the acting user. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  ownerId?: string;

  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as "EUR"' })
  currency!: string;

  @Matches(MONEY, { message: `expectedAmount ${MONEY_MESSAGE}` })
  expectedAmount!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LineItemDto)
  lineItems?: LineItemDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TeamMemberDto)
  team?: TeamMemberDto[];
}
