import { IsOptional, Matches } from 'class-validator';
import { MONEY, MONEY_MESSAGE } from '../../deals/commands/shared/money.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Puts a person on a plan for a period; periods of one person may not overlap. */
export class AssignPlanDto {
  @Matches(/^[A-Za-z0-9._@-]{1,100}$/)
  userId!: string;

  @Matches(/^[A-Za-z0-9._-]{1,100}$/)
  planId!: string;

  @Matches(DATE, { message: 'effectiveFrom must be a date YYYY-MM-DD' })
  effectiveFrom!: string;

  @IsOptional()
  @Matches(DATE, { message: 'effectiveTo must be a date YYYY-MM-DD' })
  effectiveTo?: string;

  /** Quarterly quota, for attainment accelerators. */
  @IsOptional()
  @Matches(MONEY, { message: `quota ${MONEY_MESSAGE}` })
  quota?: string;

  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as "EUR"' })
  currency!: string;
}
