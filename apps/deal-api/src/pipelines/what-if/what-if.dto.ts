import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsISO8601, IsOptional, Min, ValidateNested } from 'class-validator';
import { PublishPipelineVersionDto } from '../commands/publish-pipeline-version.dto';

/** A published version, or a draft in the publish format (validated, never published). Exactly one of the two. */
export class WhatIfCandidateDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, example: 2, description: 'A published version of the pipeline.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ type: () => PublishPipelineVersionDto, description: 'A draft, as it would be published; every problem is listed in one 400 `PIPELINE.INVALID`.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PublishPipelineVersionDto)
  definition?: PublishPipelineVersionDto;
}

@ApiExtraModels(PublishPipelineVersionDto)
export class WhatIfDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'The published version to compare against.' })
  @IsInt()
  @Min(1)
  baselineVersion!: number;

  @ApiProperty({ type: () => WhatIfCandidateDto, description: '`{ version }` or `{ definition }`.' })
  @IsDefined({ message: '$property is required' })
  @ValidateNested()
  @Type(() => WhatIfCandidateDto)
  candidate!: WhatIfCandidateDto;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only deals opened from this moment (inclusive).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only deals opened before this moment; nothing recorded at or after it is read, and "stuck" is measured at it (default: now).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
