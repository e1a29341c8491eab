import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsObject, IsString, Length, Matches, Min } from 'class-validator';
import { PlanRulesSchema } from './plan-rules.schema';

/** A new version of a commission plan. `rules` is checked by the domain, which names every problem. */
export class PublishPlanVersionDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Exactly one more than the last published version (1 for a new plan).', example: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'AE FY26' })
  @IsString()
  @Length(1, 200)
  name!: string;

  /** The date the version takes effect (YYYY-MM-DD). */
  @ApiProperty({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2026-01-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be a date YYYY-MM-DD' })
  effectiveFrom!: string;

  @ApiProperty({
    type: PlanRulesSchema,
    description: 'The plan rules (currency, base rate, product rates, vertical incentives, accelerators, SPIFs, clawback); format in docs/commissions.md. Checked by the domain, which names every problem by path (400 `COMMISSION.PLAN_INVALID`).',
  })
  @IsObject()
  rules!: Record<string, unknown>;
}
