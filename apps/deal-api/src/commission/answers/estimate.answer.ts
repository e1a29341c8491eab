import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { EstimateLine, PipelineEstimate } from '@deals/domain';
import { DealNames } from '@deals/projections';
import { amount, CURRENCY, decimal, minor } from './amount';
import { LineageEventSchema } from './event-ref.answer';
import { PlanVersionRefSchema } from './lineage.answer';
import { PendingPaySchema, presentPending } from './statement.answer';

@ApiSchema({ name: 'EstimateLine', description: 'An open deal: the person\'s credit × rate (plan in force now) × the stage\'s win probability.' })
export class EstimateLineSchema implements EstimateLine {
  @ApiProperty() dealId!: string;
  @ApiPropertyOptional({ example: 'Acme rollout' }) dealName?: string;
  @ApiProperty() stageId!: string;
  @ApiProperty({ type: 'integer', description: 'Basis points (10,000 = 100%).' }) probabilityBp!: number;
  @ApiProperty(minor('credit', 'The person\'s credit on the deal')) creditMinor!: number;
  @ApiProperty(amount('credit', 'The person\'s credit on the deal')) credit!: string;
  @ApiProperty(minor('estimate', 'The estimated commission')) estimateMinor!: number;
  @ApiProperty(amount('estimate', 'The estimated commission')) estimate!: string;
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty({ type: PlanVersionRefSchema }) plan!: PlanVersionRefSchema;
  @ApiProperty({ description: 'As `plan.planId`.' }) planId!: string;
  @ApiProperty({ description: 'As `plan.name`.' }) planName!: string;
  @ApiProperty({ type: [String], description: 'The plan rules applied.' }) rules!: string[];
  @ApiProperty() arithmetic!: string;
  @ApiProperty({ type: [LineageEventSchema] }) events!: LineageEventSchema[];
}

@ApiSchema({ name: 'EstimateTotal' })
export class EstimateTotalSchema {
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty(minor('estimate', 'The estimated total')) estimateMinor!: number;
  @ApiProperty(amount('estimate', 'The estimated total')) estimate!: string;
}

@ApiSchema({ name: 'AwaitingPayoutTotal' })
export class AwaitingPayoutTotalSchema {
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty(minor('amount', 'What won deals waiting for their payout will pay')) amountMinor!: number;
  @ApiProperty(amount('amount', 'What won deals waiting for their payout will pay')) amount!: string;
}

@ApiSchema({ name: 'PipelineEstimate', description: 'Estimated commission on open deals, and what won deals waiting for go-live will pay.' })
@ApiExtraModels(PendingPaySchema)
export class PipelineEstimateSchema implements PipelineEstimate {
  @ApiProperty({ enum: ['estimate'], description: 'Open deals may never close; accelerators, SPIFs and payout timing are left out.' }) label!: 'estimate';
  @ApiProperty() userId!: string;
  @ApiProperty({ format: 'date-time' }) now!: string;
  @ApiProperty({ type: [EstimateLineSchema] }) lines!: EstimateLineSchema[];
  @ApiProperty({ type: [EstimateTotalSchema] }) totals!: EstimateTotalSchema[];
  @ApiProperty({ type: [PendingPaySchema], description: 'Won deals whose payout waits for go-live: what they will pay, accelerators included (known, not estimated).' })
  awaitingPayout!: PendingPaySchema[];
  @ApiProperty({ type: [AwaitingPayoutTotalSchema] }) awaitingPayoutTotals!: AwaitingPayoutTotalSchema[];
}

export function presentEstimate(estimate: PipelineEstimate, dealName: DealNames): PipelineEstimateSchema {
  return {
    ...estimate,
    lines: estimate.lines.map((line) => presentEstimateLine(line, dealName)),
    totals: estimate.totals.map((total) => ({ ...total, estimate: decimal(total.estimateMinor, total.currency) })),
    awaitingPayout: estimate.awaitingPayout.map((pending) => presentPending(pending, dealName)),
    awaitingPayoutTotals: estimate.awaitingPayoutTotals.map((total) => ({ ...total, amount: decimal(total.amountMinor, total.currency) })),
  };
}

function presentEstimateLine(line: EstimateLine, dealName: DealNames): EstimateLineSchema {
  const name = dealName(line.dealId);
  return {
    ...line,
    ...(name === undefined ? {} : { dealName: name }),
    credit: decimal(line.creditMinor, line.currency),
    estimate: decimal(line.estimateMinor, line.currency),
    planId: line.plan.planId,
    planName: line.plan.name,
    rules: [...line.rules],
    events: [...line.events],
  };
}
