import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  KpiFigures, KpiRow, MonthRevenue, OpenDealWeighted, QuotaStanding, QuotaStandingReport, SalesKpis, WonAmount,
} from '@deals/projections';

const MINOR = (description: string) => ({ type: 'integer', description: `${description}, integer minor units of \`currency\`.` }) as const;
const CURRENCY = { pattern: '^[A-Z]{3}$', example: 'EUR' };

@ApiSchema({ name: 'KpiRatio', description: 'An exact fraction and its percentage rounded half-up (null for x/0).' })
export class KpiRatioSchema {
  @ApiProperty({ type: 'integer' }) numerator!: number;
  @ApiProperty({ type: 'integer' }) denominator!: number;
  @ApiProperty({ type: 'integer', nullable: true }) percent!: number | null;
}

@ApiSchema({ name: 'KpiDurationStats', description: 'Count, average and median, in fractional days (null when nothing was measured).' })
export class KpiDurationStatsSchema {
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: 'number', nullable: true, description: 'Average, in fractional days: milliseconds ÷ 86,400,000, not rounded.' }) averageDays!: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'Median, in fractional days: milliseconds ÷ 86,400,000, not rounded.' }) medianDays!: number | null;
}

@ApiSchema({ name: 'KpiWonAmount', description: 'Deals won in the period in one currency, their total and average deal size.' })
export class KpiWonAmountSchema implements WonAmount {
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty({ type: 'integer' }) deals!: number;
  @ApiProperty(MINOR('Total won')) totalMinor!: number;
  @ApiProperty(MINOR('Total ÷ deals, rounded half-up')) averageMinor!: number;
}

@ApiSchema({ name: 'KpiMonthRevenue', description: 'Closed-won revenue of a month in one currency, and its growth over the month before.' })
export class KpiMonthRevenueSchema implements MonthRevenue {
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty(MINOR('Won in the month')) wonMinor!: number;
  @ApiProperty(MINOR('Won in the month before')) previousMonthMinor!: number;
  @ApiProperty({ type: KpiRatioSchema, description: '(won − previous) ÷ previous.' }) growth!: KpiRatioSchema;
}

@ApiSchema({ name: 'KpiMonth' })
export class KpiMonthSchema {
  @ApiProperty({ example: '2026-02' }) month!: string;
  @ApiProperty({ type: [KpiMonthRevenueSchema] }) revenue!: KpiMonthRevenueSchema[];
}

@ApiSchema({ name: 'KpiLeadConversion', description: 'Deals first contacted in the period and where they stand; rate = won ÷ first contacted.' })
export class KpiLeadConversionSchema {
  @ApiProperty({ type: 'integer' }) firstContacted!: number;
  @ApiProperty({ type: 'integer' }) won!: number;
  @ApiProperty({ type: 'integer' }) lost!: number;
  @ApiProperty({ type: 'integer' }) reversed!: number;
  @ApiProperty({ type: 'integer' }) open!: number;
  @ApiProperty({ type: KpiRatioSchema }) rate!: KpiRatioSchema;
}

@ApiSchema({ name: 'KpiChurn', description: 'Deals live during the period, and those whose win was reversed in it after going live.' })
export class KpiChurnSchema {
  @ApiProperty({ type: 'integer' }) live!: number;
  @ApiProperty({ type: 'integer' }) churned!: number;
  @ApiProperty({ type: KpiRatioSchema }) rate!: KpiRatioSchema;
}

@ApiSchema({ name: 'KpiFigures', description: 'The KPIs of one row and origin (definitions: docs/kpis.md).' })
export class KpiFiguresSchema implements KpiFigures {
  @ApiProperty({ type: 'integer' }) won!: number;
  @ApiProperty({ type: 'integer' }) lost!: number;
  @ApiProperty({ type: 'integer', description: 'Wins reversed (by the outcomes\' moment): neither won nor lost.' }) reversed!: number;
  @ApiProperty({ type: KpiRatioSchema, description: 'won ÷ (won + lost).' }) winRate!: KpiRatioSchema;
  @ApiProperty({ type: [KpiWonAmountSchema] }) wonAmounts!: KpiWonAmountSchema[];
  @ApiProperty({ type: KpiDurationStatsSchema, description: 'Opening to close of the deals won.' }) salesCycle!: KpiDurationStatsSchema;
  @ApiProperty({ type: [KpiMonthSchema] }) monthlyRevenue!: KpiMonthSchema[];
  @ApiProperty({ type: KpiLeadConversionSchema }) leadConversion!: KpiLeadConversionSchema;
  @ApiProperty({ type: KpiChurnSchema }) churnAfterGoLive!: KpiChurnSchema;
  @ApiProperty({ type: 'integer' }) meetings!: number;
}

@ApiSchema({ name: 'KpiOriginFigures' })
export class KpiOriginFiguresSchema {
  @ApiProperty({ enum: ['all', 'inbound', 'outbound', 'unknown'] }) origin!: 'all' | 'inbound' | 'outbound' | 'unknown';
  @ApiProperty({ type: KpiFiguresSchema }) figures!: KpiFiguresSchema;
}

@ApiSchema({ name: 'KpiRow' })
export class KpiRowSchema implements KpiRow {
  @ApiProperty({ description: 'A rep\'s id, or a team\'s (its manager\'s id).' }) key!: string;
  @ApiProperty({ type: [KpiOriginFiguresSchema] }) origins!: KpiOriginFiguresSchema[];
}

@ApiSchema({ name: 'SalesKpis', description: 'Sales KPIs of a month or quarter per rep or team, split by origin.' })
export class SalesKpisSchema implements SalesKpis {
  @ApiProperty({ example: '2026-Q1' }) period!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive.' }) to!: string;
  @ApiProperty({ enum: ['rep', 'team'] }) groupBy!: 'rep' | 'team';
  @ApiProperty({ enum: ['now', 'period-end'] }) outcomesAsOf!: 'now' | 'period-end';
  @ApiProperty({ enum: ['demos-attended', 'first-meetings'] }) meetingsDefinition!: 'demos-attended' | 'first-meetings';
  @ApiProperty({ type: [KpiRowSchema], description: 'The rows the caller may read, by key.' }) rows!: KpiRowSchema[];
  @ApiProperty({ type: [KpiOriginFiguresSchema], description: 'Every row shown, together.' }) total!: KpiOriginFiguresSchema[];
}

@ApiSchema({ name: 'QuotaOpenDeal', description: 'An open deal the person has credit on: credit × stage probability.' })
export class QuotaOpenDealSchema implements OpenDealWeighted {
  @ApiProperty() dealId!: string;
  @ApiProperty() stageId!: string;
  @ApiProperty({ type: 'integer', description: 'Basis points (10,000 = 100%).' }) probabilityBp!: number;
  @ApiProperty(MINOR('The person\'s credit')) creditMinor!: number;
  @ApiProperty(MINOR('credit × probability, rounded half-up')) weightedMinor!: number;
  @ApiPropertyOptional({ description: 'The buyer\'s decision timeframe (absent: none noted).', example: '2026-03-31' }) expectedCloseBy?: string;
  @ApiProperty() expectedInPeriod!: boolean;
}

@ApiSchema({ name: 'QuotaStanding', description: 'One person against their quarterly quota.' })
export class QuotaStandingSchema implements QuotaStanding {
  @ApiProperty() userId!: string;
  @ApiProperty({ example: '2026-Q1' }) period!: string;
  @ApiPropertyOptional({ ...CURRENCY, description: 'The plan\'s currency (absent: no plan in force at the quarter\'s end).' }) currency?: string;
  @ApiPropertyOptional(MINOR('Quarterly quota (absent: none set)')) quotaMinor?: number;
  @ApiProperty(MINOR('Credit on deals won in the quarter')) closedWonMinor!: number;
  @ApiProperty(MINOR('Weighted credit of open deals expected to close in the quarter')) weightedOpenMinor!: number;
  @ApiPropertyOptional(MINOR('max(0, quota − closed won)')) gapMinor?: number;
  @ApiPropertyOptional({ type: KpiRatioSchema, description: 'weighted open ÷ gap.' }) coverage?: KpiRatioSchema;
  @ApiProperty({ type: [QuotaOpenDealSchema] }) openDeals!: QuotaOpenDealSchema[];
}

@ApiSchema({ name: 'QuotaStandingTotal', description: 'The members on a plan in one currency, summed; one gap for them together.' })
export class QuotaStandingTotalSchema {
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty({ type: 'integer' }) members!: number;
  @ApiProperty(MINOR('Σ quotas')) quotaMinor!: number;
  @ApiProperty(MINOR('Σ closed won')) closedWonMinor!: number;
  @ApiProperty(MINOR('Σ weighted open')) weightedOpenMinor!: number;
  @ApiProperty(MINOR('max(0, Σ quotas − Σ closed won)')) gapMinor!: number;
  @ApiProperty({ type: KpiRatioSchema }) coverage!: KpiRatioSchema;
}

@ApiSchema({ name: 'QuotaStandingReport', description: 'A person\'s or a team\'s standing against quota in a quarter.' })
export class QuotaStandingReportSchema implements QuotaStandingReport {
  @ApiProperty({ enum: ['person', 'team'] }) scope!: 'person' | 'team';
  @ApiProperty({ description: 'The person, or the team\'s manager.' }) id!: string;
  @ApiProperty({ example: '2026-Q1' }) period!: string;
  @ApiProperty({ type: [QuotaStandingTotalSchema] }) totals!: QuotaStandingTotalSchema[];
  @ApiProperty({ type: [QuotaStandingSchema] }) members!: QuotaStandingSchema[];
}
