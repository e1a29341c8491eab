import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LineKind, StatementLine } from '@deals/domain';
import { DealNames } from '@deals/projections';
import { amount, CURRENCY, decimal, minor } from '../amount';
import { LineLineageSchema, presentPriorPeriod } from '../lineage.answer';

/** What every statement line answers; each kind's schema adds its `kind` and its own fields. */
export abstract class StatementLineSchema {
  @ApiProperty({ description: 'Stable across recomputations; disputes name it.', example: 'acme:commission:X' }) lineId!: string;
  abstract kind: LineKind;
  @ApiProperty(minor('amount', 'The line\'s amount')) amountMinor!: number;
  @ApiProperty(amount('amount', 'The line\'s amount')) amount!: string;
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty({ format: 'date-time', description: 'The business time that put the line in its period.' }) dueAt!: string;
  @ApiPropertyOptional({ description: 'The deal the line is for (as `lineage.dealId`).' }) dealId?: string;
  @ApiPropertyOptional({ description: 'The deal\'s name.', example: 'Acme rollout' }) dealName?: string;
  @ApiPropertyOptional({ description: 'The plan that pays it (as `lineage.plan.planId`).' }) planId?: string;
  @ApiPropertyOptional({ description: 'The name of that plan version (as `lineage.plan.name`).', example: 'AE FY26 v1' }) planName?: string;
  @ApiProperty({ type: LineLineageSchema }) lineage!: LineLineageSchema;
}

/** The fields every kind answers: the line as computed, its decimal amount, and its deal and plan by id and name. */
export function lineAnswer(line: StatementLine, dealName: DealNames): Omit<StatementLineSchema, 'kind'> & { kind: LineKind } {
  const { dealId, plan } = line.lineage;
  const name = dealId === undefined ? undefined : dealName(dealId);
  const { priorPeriod, ...lineage } = line.lineage;
  return {
    ...line,
    lineage: priorPeriod === undefined ? lineage : { ...lineage, priorPeriod: presentPriorPeriod(priorPeriod, line.currency) },
    amount: decimal(line.amountMinor, line.currency),
    ...(dealId === undefined ? {} : { dealId }),
    ...(name === undefined ? {} : { dealName: name }),
    ...(plan === undefined ? {} : { planId: plan.planId, planName: plan.name }),
  };
}
