import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Accelerators, AttainmentTier, CLAWBACK_ANCHORS, ClawbackAnchor, PlanRules, ProductRate, Spif, VerticalIncentive, WindowAccelerator } from '@deals/domain';

/**
 * The plan format (libs/domain/src/commission/plan-rules.ts) as OpenAPI, in a published
 * version and in an answer alike. The limits are the ones `validatePlanRules` checks; it, not
 * the validation pipe, refuses a plan (400 `COMMISSION.PLAN_INVALID`, every problem by path).
 */
const RATE_BP = { type: 'integer', maximum: 10_000, description: 'Basis points (10,000 = 100%).' } as const;
const MULTIPLIER_BP = { type: 'integer', minimum: 1, maximum: 100_000, description: 'Basis points (10,000 = ×1.00).', example: 12500 } as const;

@ApiSchema({ name: 'PlanProductRate', description: 'Replaces the base rate for a product.' })
export class PlanProductRateSchema implements ProductRate {
  @ApiProperty({ minLength: 1, example: 'X' }) productCode!: string;
  @ApiProperty({ ...RATE_BP, minimum: 0, example: 2000 }) rateBp!: number;
}

@ApiSchema({ name: 'PlanVerticalIncentive', description: 'Added to every line\'s rate when the deal\'s account industry matches (case-insensitive).' })
export class PlanVerticalIncentiveSchema implements VerticalIncentive {
  @ApiProperty({ minLength: 1, example: 'retail' }) industry!: string;
  @ApiProperty({ ...RATE_BP, minimum: 1, example: 200 }) extraRateBp!: number;
}

@ApiSchema({ name: 'PlanSpif', description: 'A bonus per calendar quarter, paid once when the target is reached.' })
export class PlanSpifSchema implements Spif {
  @ApiProperty({ minLength: 1 }) id!: string;
  @ApiProperty({ minLength: 1 }) productCode!: string;
  @ApiProperty({ enum: ['quantity', 'amount'], description: '`quantity`: units on deals the person has credit on; `amount`: their credited amount of the product.' }) metric!: Spif['metric'];
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Units, or minor units of the plan\'s currency for `amount`.' }) target!: number;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Minor units of the plan\'s currency.' }) bonusMinor!: number;
}

@ApiSchema({ name: 'PlanWindowAccelerator', description: 'Deals closed in the first or last `days` days of a calendar quarter.' })
export class PlanWindowAcceleratorSchema implements WindowAccelerator {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 92, example: 10 }) days!: number;
  @ApiProperty(MULTIPLIER_BP) multiplierBp!: number;
}

@ApiSchema({ name: 'PlanAttainmentTier', description: 'Applies once attainment (credit won in the quarter ÷ quarterly quota) is at or above the threshold.' })
export class PlanAttainmentTierSchema implements AttainmentTier {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 1_000_000, description: 'Basis points of quota; strictly increasing from tier to tier.', example: 10000 }) aboveAttainmentBp!: number;
  @ApiProperty(MULTIPLIER_BP) multiplierBp!: number;
}

@ApiSchema({ name: 'PlanAccelerators', description: 'Windows and tiers multiply; of both windows, the greater.' })
export class PlanAcceleratorsSchema implements Accelerators {
  @ApiPropertyOptional({ type: PlanWindowAcceleratorSchema }) quarterEnd?: PlanWindowAcceleratorSchema;
  @ApiPropertyOptional({ type: PlanWindowAcceleratorSchema }) quarterStart?: PlanWindowAcceleratorSchema;
  @ApiPropertyOptional({ type: [PlanAttainmentTierSchema] }) attainmentTiers?: readonly PlanAttainmentTierSchema[];
}

@ApiSchema({ name: 'CommissionPlanRules', description: 'A plan version\'s rules: money in integer minor units of `currency`, rates and multipliers in basis points. Format and meaning: docs/commissions.md "Plan format".' })
export class PlanRulesSchema implements PlanRules {
  @ApiProperty({ enum: ['revenue', 'overlay'], description: '`revenue`: pays on revenue credit (splits total 100%); `overlay`: on overlay credit (extra).' }) creditType!: PlanRules['creditType'];
  @ApiProperty({ pattern: '^[A-Z]{3}$', example: 'EUR', description: 'ISO 4217 code in circulation; deals in another currency pay nothing.' }) currency!: string;
  @ApiProperty({ ...RATE_BP, minimum: 0, example: 1500, description: 'The rate of every product not in `productRates`, in basis points.' }) baseRateBp!: number;
  @ApiPropertyOptional({ type: [PlanProductRateSchema], description: 'Product codes unique.' }) productRates?: readonly PlanProductRateSchema[];
  @ApiPropertyOptional({ type: [PlanVerticalIncentiveSchema], description: 'Industries unique (case-insensitive).' }) verticalIncentives?: readonly PlanVerticalIncentiveSchema[];
  @ApiPropertyOptional({ type: [PlanSpifSchema], description: 'Ids unique.' }) spifs?: readonly PlanSpifSchema[];
  @ApiPropertyOptional({ type: PlanAcceleratorsSchema }) accelerators?: PlanAcceleratorsSchema;
  @ApiProperty({ enum: ['close', 'go-live'], description: 'When commission is paid.' }) payoutTrigger!: PlanRules['payoutTrigger'];
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 3660, example: 90, description: 'A win reversed within this many days of the anchor is clawed back.' }) clawbackWindowDays!: number;
  @ApiPropertyOptional({ enum: CLAWBACK_ANCHORS, description: 'What the clawback window counts from (default `close`).' }) clawbackWindowFrom?: ClawbackAnchor;
}
