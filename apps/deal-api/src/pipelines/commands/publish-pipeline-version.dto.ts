import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsObject, IsOptional, IsString, Length, Min } from 'class-validator';
import { PipelineFactTypeSchema, PipelinePostCloseStageSchema, PipelineReportingSchema, PipelineStageSchema } from '../answers/pipeline-definition.schema';

/** A new version of a pipeline. The stages and fact types are checked by the domain, which names every problem. */
export class PublishPipelineVersionDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Exactly one more than the last published version (1 for a new pipeline).', example: 2 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Buyer-centric with security review' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ type: [PipelineStageSchema], description: 'The open stages in order; closed-won and closed-lost follow them in every version.' })
  @IsArray()
  stages!: PipelineStageSchema[];

  @ApiPropertyOptional({ type: [PipelinePostCloseStageSchema], description: 'None (default) or exactly three.' })
  @IsOptional()
  @IsArray()
  postCloseStages?: PipelinePostCloseStageSchema[];

  @ApiPropertyOptional({ type: [PipelineFactTypeSchema], description: 'Custom buyer fact types the criteria may name (default none).' })
  @IsOptional()
  @IsArray()
  factTypes?: PipelineFactTypeSchema[];

  @ApiPropertyOptional({ type: PipelineReportingSchema, description: 'The reports\' default definitions for this version (default: the reports\' own).' })
  @IsOptional()
  @IsObject()
  reporting?: PipelineReportingSchema;
}
