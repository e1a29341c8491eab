import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { BackdatableDto } from '../shared/fact.dto';

const STAGE_ID = /^[a-z0-9-]{1,64}$/;

export class AdvanceStageDto extends BackdatableDto {
  /** Optional guard: the stage the caller means to move to (must be the next one). */
  @IsOptional()
  @Matches(STAGE_ID)
  toStageId?: string;
}

/** A manager moving a deal past unmet criteria; the reason is kept with the override. */
export class OverrideStageDto extends BackdatableDto {
  @Matches(STAGE_ID)
  toStageId!: string;

  @IsString()
  @Length(0, 2000)
  reason!: string;
}
