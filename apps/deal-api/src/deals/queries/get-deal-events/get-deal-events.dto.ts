import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class GetDealEventsDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  fromRevision: number = 0;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 200;
}
