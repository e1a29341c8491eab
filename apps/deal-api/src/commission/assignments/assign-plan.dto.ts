import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { MONEY, MONEY_MESSAGE } from '../../deals/commands/shared/money.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Puts a person on a plan for a period; periods of one person may not overlap. */
export class AssignPlanDto {
  @ApiProperty({ pattern: '^[A-Za-z0-9._@-]{1,100}$', example: 'ana.ae' })
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  userId!: string;

  @ApiProperty({ pattern: '^[A-Za-z0-9._-]{1,100}$', example: 'ae-fy26' })
  @Matches(/^[A-Za-z0-9._-]{1,100}$/)
  planId!: string;

  @ApiProperty({ format: 'date', pattern: DATE.source, example: '2026-01-01' })
  @Matches(DATE, { message: 'effectiveFrom must be a date YYYY-MM-DD' })
  effectiveFrom!: string;

  @ApiPropertyOptional({ format: 'date', pattern: DATE.source, description: 'Inclusive; open-ended when absent.', example: '2026-12-31' })
  @IsOptional()
  @Matches(DATE, { message: 'effectiveTo must be a date YYYY-MM-DD' })
  effectiveTo?: string;

  /** Quarterly quota, for attainment accelerators. */
  @ApiPropertyOptional({ pattern: MONEY.source, description: 'Quarterly quota, for attainment accelerators.', example: '250000.00' })
  @IsOptional()
  @Matches(MONEY, { message: `quota ${MONEY_MESSAGE}` })
  quota?: string;

  @ApiProperty({ pattern: '^[A-Z]{3}$', example: 'EUR' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as "EUR"' })
  currency!: string;
}

/** Ends the assignment that starts on `effectiveFrom` early. */
export class EndAssignmentDto {
  @ApiProperty({ format: 'date', pattern: DATE.source, description: 'Which assignment: the day it starts.', example: '2026-01-01' })
  @Matches(DATE, { message: 'effectiveFrom must be a date YYYY-MM-DD' })
  effectiveFrom!: string;

  @ApiProperty({ format: 'date', pattern: DATE.source, description: 'Its new last day (inclusive).', example: '2026-03-31' })
  @Matches(DATE, { message: 'effectiveTo must be a date YYYY-MM-DD' })
  effectiveTo!: string;
}
