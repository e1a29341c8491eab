import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

/** How fresh or how old a read should be; shared by every projection query. */
export class ReadOptionsDto {
  /** Answer as the engine knew it at this recorded time: every event recorded by then, none after. */
  @ApiPropertyOptional({ format: 'date-time', description: 'Answer as the engine knew it at this recorded time (not with asOfPosition).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  /** Answer as of this global position. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Answer as of this global position (not with asOf).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  asOfPosition?: number;

  /** Read-your-writes: wait until the projection has processed this position (e.g. a command's `position`). */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Read your writes: wait until the projection has processed this position (a command\'s `position`); 503 if it does not within `waitMs`.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;

  /** How long to wait for `minPosition`, in ms (default 5000, at most 30000). */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 30_000, description: 'How long to wait for `minPosition`, in ms (default 5000).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30_000)
  waitMs?: number;
}
