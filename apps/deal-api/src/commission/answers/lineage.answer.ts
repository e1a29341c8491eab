import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Lineage, PlanRef, PriorPeriodLineage } from '@deals/domain';
import { amount, CURRENCY, decimal, minor } from './amount';
import { LineageEventSchema } from './event-ref.answer';
import { PeriodCloseSchema } from './period.answer';

@ApiSchema({ name: 'PlanVersionRef', description: 'A plan version, by id, number and name.' })
export class PlanVersionRefSchema implements PlanRef {
  @ApiProperty({ example: 'ae-fy26' }) planId!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty({ example: 'AE FY26 v1' }) name!: string;
}

type SplitRef = NonNullable<Lineage['split']>;

@ApiSchema({ name: 'LineageSplit', description: 'The person\'s share in the split in force at the close.' })
export class LineageSplitSchema implements SplitRef {
  @ApiProperty({ enum: ['CreditSplitsSet', 'owner-default'], description: '`owner-default`: no split was set; the owner holds 100% revenue credit.' })
  source!: SplitRef['source'];
  @ApiProperty({ enum: ['revenue', 'overlay'] }) creditType!: SplitRef['creditType'];
  @ApiProperty({ type: 'integer', description: 'Basis points (10,000 = 100%).', example: 7000 }) shareBp!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
}

@ApiSchema({
  name: 'PriorPeriodLineage',
  description: 'The line of a closed period a prior-period line corrects: its frozen figure, the figure as known now, and corrections already made.',
})
export class PriorPeriodLineageSchema implements PriorPeriodLineage {
  @ApiProperty({ example: '2026-Q1', description: 'The closed period.' }) period!: string;
  @ApiProperty({ description: 'The corrected line\'s id in that period.' }) lineId!: string;
  @ApiPropertyOptional(minor('frozen', 'The line in the closed statement (0: it had none)')) frozenMinor?: number;
  @ApiPropertyOptional(amount('frozen', 'The line in the closed statement')) frozen?: string;
  @ApiPropertyOptional(minor('knownNow', 'The line as known now (0: it is gone)')) knownNowMinor?: number;
  @ApiPropertyOptional(amount('knownNow', 'The line as known now')) knownNow?: string;
  @ApiProperty(minor('adjusted', 'Corrections already in closed statements')) adjustedMinor!: number;
  @ApiProperty(amount('adjusted', 'Corrections already in closed statements')) adjusted!: string;
  @ApiProperty({ type: [String], description: 'The periods holding those corrections.' }) adjustedIn!: string[];
  @ApiProperty(CURRENCY) currency!: string;
  @ApiPropertyOptional({ type: PeriodCloseSchema, description: 'The close the frozen figure is as known at.' }) close?: PeriodCloseSchema;
}

@ApiSchema({ name: 'LineLineage', description: 'How a line was computed: from which events, under which split, plan version and rule.' })
export class LineLineageSchema implements Lineage {
  @ApiPropertyOptional() dealId?: string;
  @ApiProperty({ type: [LineageEventSchema] }) events!: readonly LineageEventSchema[];
  @ApiPropertyOptional({ type: LineageSplitSchema }) split?: LineageSplitSchema;
  @ApiPropertyOptional({ type: PlanVersionRefSchema }) plan?: PlanVersionRefSchema;
  @ApiProperty({ description: 'The plan rule applied.', example: 'productRates[X]' }) rule!: string;
  @ApiProperty({ description: 'The computation with the numbers used.', example: '40,000.00 × 70.00% × 20.00% = 5,600.00' }) arithmetic!: string;
  @ApiPropertyOptional({ type: PriorPeriodLineageSchema, description: 'On a prior-period line: the line of the closed period it corrects.' })
  priorPeriod?: PriorPeriodLineageSchema;
}

export function presentPriorPeriod(prior: PriorPeriodLineage, currency: string): PriorPeriodLineageSchema {
  return {
    ...prior,
    ...(prior.frozenMinor === undefined ? {} : { frozen: decimal(prior.frozenMinor, currency) }),
    ...(prior.knownNowMinor === undefined ? {} : { knownNow: decimal(prior.knownNowMinor, currency) }),
    adjusted: decimal(prior.adjustedMinor, currency),
    adjustedIn: [...prior.adjustedIn],
    currency,
  };
}

