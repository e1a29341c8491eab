import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { PagingDto, PeriodDto } from '../period.dto';
import { ReadOptionsDto } from '../../read-options.dto';

const ID = /^[A-Za-z0-9._@-]{1,100}$/;
const STAGE = /^[a-z0-9-]{1,64}$/;
const PIPELINE_ID = { pattern: STAGE.source, description: 'Only deals of this pipeline.', example: 'default' };

export class PipelineByStageDto extends ReadOptionsDto {
  @ApiPropertyOptional(PIPELINE_ID) @IsOptional() @Matches(STAGE) pipelineId?: string;
  @ApiPropertyOptional({ pattern: ID.source, description: 'Deals this rep owns (forced to the caller for reps).' }) @IsOptional() @Matches(ID) ownerId?: string;
  @ApiPropertyOptional({ pattern: ID.source, description: 'Deals this person is on the team of.' }) @IsOptional() @Matches(ID) teamMemberId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Deals opened at or after.' }) @IsOptional() @IsISO8601({ strict: true }) openedFrom?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Deals opened before.' }) @IsOptional() @IsISO8601({ strict: true }) openedTo?: string;
}

/** Deals that left `stageId` during [from, to). */
export class ConversionDto extends ReadOptionsDto {
  @ApiProperty({ pattern: STAGE.source, description: 'The stage the deals left.', example: 'qualified' }) @Matches(STAGE) stageId!: string;
  @ApiProperty({ format: 'date-time', description: 'Start of the period (inclusive).' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'End of the period (exclusive).' }) @IsISO8601({ strict: true }) to!: string;
  @ApiPropertyOptional(PIPELINE_ID) @IsOptional() @Matches(STAGE) pipelineId?: string;
}

export class SalesCycleDto extends PeriodDto {
  @ApiPropertyOptional(PIPELINE_ID) @IsOptional() @Matches(STAGE) pipelineId?: string;
  @ApiPropertyOptional({ pattern: ID.source, description: 'Deals this rep owns (forced to the caller for reps).' }) @IsOptional() @Matches(ID) ownerId?: string;
}

/** `now` defaults to `asOf` when given, else the current time. */
export class AtMomentDto extends PagingDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'The moment to measure at (default: `asOf`, else now).' }) @IsOptional() @IsISO8601({ strict: true }) now?: string;
  @ApiPropertyOptional(PIPELINE_ID) @IsOptional() @Matches(STAGE) pipelineId?: string;
}

export class TimeInStageDto extends AtMomentDto {
  @ApiPropertyOptional({ pattern: STAGE.source, description: 'Only this stage.' }) @IsOptional() @Matches(STAGE) stageId?: string;
}

export class StuckDealsDto extends AtMomentDto {
  @ApiPropertyOptional({ pattern: ID.source, description: 'Deals this rep owns (forced to the caller for reps).' }) @IsOptional() @Matches(ID) ownerId?: string;
}
