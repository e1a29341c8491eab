import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Why a closed commission period is reopened (kept on the event). */
export class ReopenPeriodDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Why the period is reopened.', example: 'Acme split agreed before the close, recorded late' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
