import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { ReadOptionsDto } from '../read-options.dto';

/** A half-open period [from, to) plus the read options (asOf, read-your-writes). */
export class PeriodDto extends ReadOptionsDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start of the period (inclusive).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End of the period (exclusive).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** Offset/limit paging for list answers. */
export class PagingDto extends ReadOptionsDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}

/** A period plus paging. */
export class PageDto extends PagingDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Start of the period (inclusive).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'End of the period (exclusive).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditPageDto extends PageDto {
  /** Filter and order by business time (`occurred`) or by when it was recorded (`recorded`). */
  @ApiPropertyOptional({ enum: ['occurred', 'recorded'], default: 'occurred', description: 'Filter and order by business time or by when it was recorded.' })
  @IsOptional()
  @IsIn(['occurred', 'recorded'])
  timeBasis: 'occurred' | 'recorded' = 'occurred';
}
