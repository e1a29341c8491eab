import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { MEETINGS_DEFINITIONS, MeetingsDefinition, OUTCOMES_AS_OF, OutcomesAsOf } from '@deals/projections';
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

const OUTCOMES_AS_OF_PROPERTY = (what: string) => ({
  enum: [...OUTCOMES_AS_OF], default: 'now',
  description: `\`now\`: outcomes as the read model holds them; \`period-end\`: ${what} (docs/kpis.md#definitions).`,
});

/** Deals that left `stageId` during [from, to). */
export class ConversionDto extends ReadOptionsDto {
  @ApiProperty({ pattern: STAGE.source, description: 'The stage the deals left.', example: 'qualified' }) @Matches(STAGE) stageId!: string;
  @ApiProperty({ format: 'date-time', description: 'Start of the period (inclusive).' }) @IsISO8601({ strict: true }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'End of the period (exclusive).' }) @IsISO8601({ strict: true }) to!: string;
  @ApiPropertyOptional(PIPELINE_ID) @IsOptional() @Matches(STAGE) pipelineId?: string;
  @ApiPropertyOptional(OUTCOMES_AS_OF_PROPERTY('a close or reversal dated at or after `to` is not counted: the deal counts as open'))
  @IsOptional() @IsIn(OUTCOMES_AS_OF) outcomesAsOf?: OutcomesAsOf;
}

export class SalesCycleDto extends PeriodDto {
  @ApiPropertyOptional(PIPELINE_ID) @IsOptional() @Matches(STAGE) pipelineId?: string;
  @ApiPropertyOptional({ pattern: ID.source, description: 'Deals this rep owns (forced to the caller for reps).' }) @IsOptional() @Matches(ID) ownerId?: string;
  @ApiPropertyOptional(OUTCOMES_AS_OF_PROPERTY('a win reversed at or after `to` still counts'))
  @IsOptional() @IsIn(OUTCOMES_AS_OF) outcomesAsOf?: OutcomesAsOf;
}

export class RepActivityDto extends PeriodDto {
  @ApiPropertyOptional({ ...PIPELINE_ID, description: 'Only deals of this pipeline; its latest version states the default `meetings`.' })
  @IsOptional() @Matches(STAGE) pipelineId?: string;
  @ApiPropertyOptional({
    enum: [...MEETINGS_DEFINITIONS],
    description: 'Every attended demo, or each deal\'s first one. Default: the pipeline\'s latest version\'s `reporting.meetings` (the default pipeline\'s without `pipelineId`), else `demos-attended`.',
  })
  @IsOptional() @IsIn(MEETINGS_DEFINITIONS) meetings?: MeetingsDefinition;
  @ApiPropertyOptional(OUTCOMES_AS_OF_PROPERTY('a win reversed at or after `to` still counts'))
  @IsOptional() @IsIn(OUTCOMES_AS_OF) outcomesAsOf?: OutcomesAsOf;
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
