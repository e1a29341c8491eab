import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Attainment, TierReached } from '@deals/domain';
import { amount, decimal, minor } from './amount';

@ApiSchema({ name: 'AttainmentTierReached', description: 'An attainment tier of the plan (`accelerators.attainmentTiers[index]`).' })
export class AttainmentTierReachedSchema implements TierReached {
  @ApiProperty({ type: 'integer', minimum: 0 }) index!: number;
  @ApiProperty({ type: 'integer', description: 'Basis points of quota (10,000 = 100%).' }) aboveAttainmentBp!: number;
  @ApiProperty({ type: 'integer', description: 'Basis points (10,000 = ×1.00).' }) multiplierBp!: number;
}

@ApiSchema({ name: 'QuotaAttainment', description: 'A person\'s credit won in a quarter against the quarterly quota, and the attainment tier reached.' })
export class QuotaAttainmentSchema implements Attainment {
  @ApiProperty() userId!: string;
  @ApiProperty({ example: '2026-Q1' }) period!: string;
  @ApiPropertyOptional(minor('quota', 'The quarterly quota of the assignment in force at the quarter\'s end (absent: none set)')) quotaMinor?: number;
  @ApiPropertyOptional(amount('quota', 'The quarterly quota')) quota?: string;
  @ApiPropertyOptional({ pattern: '^[A-Z]{3}$', description: 'The plan\'s currency (absent: no plan in force at the quarter\'s end).' }) currency?: string;
  @ApiProperty(minor('credited', 'Credit on deals won in the quarter')) creditedMinor!: number;
  @ApiPropertyOptional(amount('credited', 'Credit on deals won in the quarter (absent with `currency`)')) credited?: string;
  @ApiPropertyOptional({ type: 'integer', description: 'credited ÷ quota in basis points (absent without a quota).' }) attainmentBp?: number;
  @ApiPropertyOptional({ type: AttainmentTierReachedSchema, description: 'The highest tier reached.' }) tier?: AttainmentTierReachedSchema;
  @ApiPropertyOptional({ type: AttainmentTierReachedSchema, description: 'The next tier to reach.' }) nextTier?: AttainmentTierReachedSchema;
}

export function presentAttainment(attainment: Attainment): QuotaAttainmentSchema {
  const { currency, quotaMinor } = attainment;
  if (currency === undefined) return { ...attainment };
  return {
    ...attainment,
    ...(quotaMinor === undefined ? {} : { quota: decimal(quotaMinor, currency) }),
    credited: decimal(attainment.creditedMinor, currency),
  };
}
