import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { ReadOptionsDto } from '../read-options.dto';

/** A half-open period [from, to) plus the read options (asOf, read-your-writes). */
export class PeriodDto extends ReadOptionsDto {
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** Offset/limit paging for list answers. */
export class PagingDto extends ReadOptionsDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}

/** A period plus paging. */
export class PageDto extends PagingDto {
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AuditPageDto extends PageDto {
  /** Filter and order by business time (`occurred`) or by when it was recorded (`recorded`). */
  @IsOptional()
  @IsIn(['occurred', 'recorded'])
  timeBasis: 'occurred' | 'recorded' = 'occurred';
}
