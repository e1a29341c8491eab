import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { PagingDto, PeriodDto } from '../period.dto';
import { ReadOptionsDto } from '../../read-options.dto';

const ID = /^[A-Za-z0-9._@-]{1,100}$/;
const STAGE = /^[a-z0-9-]{1,64}$/;

export class PipelineByStageDto extends ReadOptionsDto {
  @IsOptional() @Matches(STAGE) pipelineId?: string;
  @IsOptional() @Matches(ID) ownerId?: string;
  @IsOptional() @Matches(ID) teamMemberId?: string;
  @IsOptional() @IsISO8601({ strict: true }) openedFrom?: string;
  @IsOptional() @IsISO8601({ strict: true }) openedTo?: string;
}

/** Deals that left `stageId` during [from, to). */
export class ConversionDto extends ReadOptionsDto {
  @Matches(STAGE) stageId!: string;
  @IsISO8601({ strict: true }) from!: string;
  @IsISO8601({ strict: true }) to!: string;
  @IsOptional() @Matches(STAGE) pipelineId?: string;
}

export class SalesCycleDto extends PeriodDto {
  @IsOptional() @Matches(STAGE) pipelineId?: string;
  @IsOptional() @Matches(ID) ownerId?: string;
}

/** `now` defaults to `asOf` when given, else the current time. */
export class AtMomentDto extends PagingDto {
  @IsOptional() @IsISO8601({ strict: true }) now?: string;
  @IsOptional() @Matches(STAGE) pipelineId?: string;
}

export class TimeInStageDto extends AtMomentDto {
  @IsOptional() @Matches(STAGE) stageId?: string;
}

export class StuckDealsDto extends AtMomentDto {
  @IsOptional() @Matches(ID) ownerId?: string;
}
