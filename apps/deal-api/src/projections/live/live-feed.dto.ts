import { IsOptional, IsString, Matches } from 'class-validator';

export class LiveFeedDto {
  /** Comma-separated projection names (default: all). */
  @IsOptional()
  @Matches(/^[a-z0-9-]+(,[a-z0-9-]+)*$/)
  projections?: string;

  /** For clients that cannot set the Last-Event-ID header (e.g. a first EventSource connection). */
  @IsOptional()
  @IsString()
  lastEventId?: string;
}
