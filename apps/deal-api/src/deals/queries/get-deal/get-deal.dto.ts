import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class GetDealDto {
  /** A past recorded time (ISO-8601): the deal as the engine knew it then. */
  @ApiPropertyOptional({ format: 'date-time', description: 'A past recorded time: the deal as the engine knew it then (404 if not opened yet).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
