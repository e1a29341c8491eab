import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export class LiveFeedDto {
  /** Comma-separated projection names (default: all). */
  @ApiPropertyOptional({
    pattern: '^[a-z0-9-]+(,[a-z0-9-]+)*$',
    description: 'Comma-separated projection names (default: all for org-wide roles, `deal-summary` for the others).',
    example: 'deal-summary,audit',
  })
  @IsOptional()
  @Matches(/^[a-z0-9-]+(,[a-z0-9-]+)*$/)
  projections?: string;

  /** For clients that cannot set the Last-Event-ID header (e.g. a first EventSource connection). */
  @ApiPropertyOptional({ description: 'Resume after this change id, for clients that cannot send the Last-Event-ID header.' })
  @IsOptional()
  @IsString()
  lastEventId?: string;
}
