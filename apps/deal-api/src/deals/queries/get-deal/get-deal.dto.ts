import { IsISO8601, IsOptional } from 'class-validator';

export class GetDealDto {
  /** A past recorded time (ISO-8601): the deal as the engine knew it then. */
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
