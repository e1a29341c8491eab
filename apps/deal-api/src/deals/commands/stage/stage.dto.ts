import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { BackdatableDto } from '../shared/fact.dto';

const STAGE_ID = /^[a-z0-9-]{1,64}$/;

export class AdvanceStageDto extends BackdatableDto {
  /** Optional guard: the stage the caller means to move to (must be the next one). */
  @ApiPropertyOptional({ pattern: STAGE_ID.source, description: 'Must be the next stage; guards against advancing twice.', example: 'qualified' })
  @IsOptional()
  @Matches(STAGE_ID)
  toStageId?: string;
}

/** A manager moving a deal past unmet criteria; the reason is kept with the override. */
export class OverrideStageDto extends BackdatableDto {
  @ApiProperty({ pattern: STAGE_ID.source, description: 'Any open stage other than the current one.', example: 'proposal-reviewed' })
  @Matches(STAGE_ID)
  toStageId!: string;

  @ApiProperty({ maxLength: 2000, description: 'Why the unmet criteria do not matter; must not be blank.' })
  @IsString()
  @Length(0, 2000)
  reason!: string;
}
