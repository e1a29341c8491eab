import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { KpiGroupBy, MeetingsDefinition, OriginSplit, OutcomesAsOf } from '@deals/projections';
import { ReadOptionsDto } from '../../read-options.dto';

const ID = /^[A-Za-z0-9._@-]{1,100}$/;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

export class KpisDto extends ReadOptionsDto {
  @ApiProperty({ pattern: PERIOD.source, example: '2026-Q1', description: 'A calendar month (`2026-02`) or quarter (`2026-Q1`), UTC.' })
  @Matches(PERIOD, { message: 'period must be a month (2026-02) or a quarter (2026-Q1)' })
  period!: string;

  @ApiPropertyOptional({ enum: ['rep', 'team'], default: 'rep', description: 'One row per rep (the deal owner) or per team (led by the owner\'s manager).' })
  @IsOptional() @IsIn(['rep', 'team'])
  groupBy: KpiGroupBy = 'rep';

  @ApiPropertyOptional({ enum: ['all', 'inbound', 'outbound', 'unknown'], description: 'Only this origin (default: `all` and each origin).' })
  @IsOptional() @IsIn(['all', 'inbound', 'outbound', 'unknown'])
  origin?: OriginSplit;

  @ApiPropertyOptional({ enum: ['now', 'period-end'], default: 'now', description: 'Outcomes as the read model has them, or only what was dated before the period\'s end.' })
  @IsOptional() @IsIn(['now', 'period-end'])
  outcomesAsOf: OutcomesAsOf = 'now';

  @ApiPropertyOptional({ enum: ['demos-attended', 'first-meetings'], default: 'demos-attended', description: 'Every attended demo, or each deal\'s first one.' })
  @IsOptional() @IsIn(['demos-attended', 'first-meetings'])
  meetings: MeetingsDefinition = 'demos-attended';
}

export class QuotaStandingDto extends ReadOptionsDto {
  @ApiProperty({ pattern: PERIOD.source, example: '2026-Q1', description: 'A quarter (quotas are quarterly; a month is 400 `REPORT.QUOTA_PERIOD_QUARTERLY`).' })
  @Matches(PERIOD, { message: 'period must be a quarter (2026-Q1)' })
  period!: string;

  @ApiPropertyOptional({ pattern: ID.source, description: 'The person (default: the caller). Not with `teamId`.' })
  @IsOptional() @Matches(ID)
  userId?: string;

  @ApiPropertyOptional({ pattern: ID.source, description: 'The team led by this manager. Not with `userId`.' })
  @IsOptional() @Matches(ID)
  teamId?: string;
}
