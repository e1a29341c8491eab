import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DEAL_TEAM_ROLES, DealTeamRole } from '@deals/domain';
import { BackdatableDto } from '../shared/fact.dto';

export class CreditShareDto {
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  userId!: string;

  @IsIn(DEAL_TEAM_ROLES)
  role!: DealTeamRole;

  /** Basis points: 7000 = 70%. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  shareBp!: number;
}

/** Revenue shares must total exactly 10000 (100%); overlay shares are extra credit. Backdatable. */
export class CreditSplitsDto extends BackdatableDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreditShareDto)
  revenue!: CreditShareDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreditShareDto)
  overlay?: CreditShareDto[];

  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}
