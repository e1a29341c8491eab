import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DEAL_TEAM_ROLES, DealTeamRole } from '@deals/domain';
import { BackdatableDto } from '../shared/fact.dto';

export class CreditShareDto {
  @ApiProperty({ pattern: '^[A-Za-z0-9._@-]{1,100}$', example: 'ana.ae' })
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  userId!: string;

  @ApiProperty({ enum: DEAL_TEAM_ROLES })
  @IsIn(DEAL_TEAM_ROLES)
  role!: DealTeamRole;

  /** Basis points: 7000 = 70%. */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 10_000, description: 'Basis points: 7000 = 70%.', example: 7000 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  shareBp!: number;
}

/** Revenue shares must total exactly 10000 (100%); overlay shares are extra credit. Backdatable. */
export class CreditSplitsDto extends BackdatableDto {
  @ApiProperty({ type: () => [CreditShareDto], minItems: 1, maxItems: 50, description: 'Revenue shares; must total exactly 10000 (100%).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreditShareDto)
  revenue!: CreditShareDto[];

  @ApiPropertyOptional({ type: () => [CreditShareDto], maxItems: 50, description: 'Overlay credit, on top of the revenue shares.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreditShareDto)
  overlay?: CreditShareDto[];

  @ApiPropertyOptional({ minLength: 1, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}
