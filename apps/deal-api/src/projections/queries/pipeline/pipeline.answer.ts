import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  MEETINGS_DEFINITIONS, MeetingsDefinition, OUTCOMES_AS_OF, OutcomesAsOf, RepActivity, RepActivityRow, SalesCycle, SalesCycleDeal,
  StageConversion, StageExit, StayStats, TimeInStageRow,
} from '@deals/projections';
import { KpiDurationStatsSchema, KpiRatioSchema } from '../kpis/kpis.answer';

/** The unit of every day count these reports answer (docs/kpis.md#definitions). */
export const DAYS = 'Fractional days: milliseconds between two business times ÷ 86,400,000, not rounded.';
const days = (what: string) => ({ type: 'number', nullable: true, description: `${what}. ${DAYS}` }) as const;
const OUTCOMES = { enum: [...OUTCOMES_AS_OF], description: 'The outcomes\' moment used: `now` or `period-end` (docs/kpis.md#definitions).' };

@ApiSchema({ name: 'OutcomeDefinitions', description: 'The choices this answer was computed with.' })
export class OutcomeDefinitionsSchema {
  @ApiProperty(OUTCOMES) outcomesAsOf!: OutcomesAsOf;
}

@ApiSchema({ name: 'StageExit', description: 'A deal that left the stage in the period, and where it stands by the outcomes\' moment.' })
export class StageExitSchema implements StageExit {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty({ format: 'date-time' }) leftAt!: string;
  @ApiProperty() toStageId!: string;
  @ApiProperty() toNextStage!: boolean;
  @ApiProperty({ enum: ['won', 'lost', 'reversed', 'open'] }) outcome!: 'won' | 'lost' | 'reversed' | 'open';
}

@ApiSchema({ name: 'StageConversionRates' })
export class StageConversionRatesSchema {
  @ApiProperty({ type: KpiRatioSchema }) toNextStage!: KpiRatioSchema;
  @ApiProperty({ type: KpiRatioSchema }) won!: KpiRatioSchema;
  @ApiProperty({ type: KpiRatioSchema }) lost!: KpiRatioSchema;
}

@ApiSchema({ name: 'StageConversion', description: 'Deals that left a stage in [from, to): to the next stage, won, lost, reversed, open.' })
export class StageConversionSchema implements StageConversion {
  @ApiProperty({ type: OutcomeDefinitionsSchema }) definitions!: OutcomeDefinitionsSchema;
  @ApiProperty() stageId!: string;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: 'integer' }) left!: number;
  @ApiProperty({ type: 'integer' }) toNextStage!: number;
  @ApiProperty({ type: 'integer' }) won!: number;
  @ApiProperty({ type: 'integer' }) lost!: number;
  @ApiProperty({ type: 'integer' }) reversed!: number;
  @ApiProperty({ type: 'integer', description: 'Still open by the outcomes\' moment.' }) open!: number;
  @ApiProperty({ type: StageConversionRatesSchema, description: 'Each over `left`.' }) rates!: StageConversionRatesSchema;
  @ApiProperty({ type: [StageExitSchema] }) deals!: StageExitSchema[];
}

@ApiSchema({ name: 'SalesCycleDeal' })
export class SalesCycleDealSchema implements SalesCycleDeal {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
  @ApiProperty({ type: 'number', description: `Opening to close. ${DAYS}` }) cycleDays!: number;
}

@ApiSchema({ name: 'SalesCycle', description: `Deals won (not reversed by the outcomes' moment) with a close in the period. ${DAYS}` })
export class SalesCycleSchema extends KpiDurationStatsSchema implements SalesCycle {
  @ApiProperty({ type: OutcomeDefinitionsSchema }) definitions!: OutcomeDefinitionsSchema;
  @ApiProperty({ type: [SalesCycleDealSchema] }) deals!: SalesCycleDealSchema[];
}

@ApiSchema({ name: 'StayStats', description: 'Count, median and nearest-rank p90 of stays.' })
export class StayStatsSchema implements StayStats {
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty(days('Median stay')) medianDays!: number | null;
  @ApiProperty(days('90th percentile stay (nearest rank)')) p90Days!: number | null;
}

@ApiSchema({ name: 'TimeInStageRow' })
export class TimeInStageRowSchema implements TimeInStageRow {
  @ApiProperty() stageId!: string;
  @ApiProperty() stageName!: string;
  @ApiProperty({ type: StayStatsSchema, description: 'Deals in the stage now, days so far up to `now`.' }) current!: StayStatsSchema;
  @ApiProperty({ type: StayStatsSchema, description: 'Completed stays.' }) historical!: StayStatsSchema;
}

@ApiSchema({ name: 'RepActivityDefinitions', description: 'The choices this answer was computed with.' })
export class RepActivityDefinitionsSchema {
  @ApiProperty({ enum: [...MEETINGS_DEFINITIONS], description: 'Asked, else the pipeline version\'s `reporting.meetings`, else `demos-attended`.' }) meetings!: MeetingsDefinition;
  @ApiProperty(OUTCOMES) outcomesAsOf!: OutcomesAsOf;
}

@ApiSchema({ name: 'RepActivityRow' })
export class RepActivityRowSchema implements RepActivityRow {
  @ApiProperty() repId!: string;
  @ApiProperty({ type: 'integer', description: 'Meetings held in the period by `definitions.meetings`, credited to whoever recorded them.' }) meetingsHeld!: number;
  @ApiProperty({ type: 'integer', description: 'Deals won with a close in the period, credited to the owner.' }) dealsWon!: number;
}

@ApiSchema({ name: 'RepActivity', description: 'Per person with activity in the period: meetings held and deals won.' })
export class RepActivitySchema implements RepActivity {
  @ApiProperty({ type: RepActivityDefinitionsSchema }) definitions!: RepActivityDefinitionsSchema;
  @ApiProperty({ type: [RepActivityRowSchema] }) reps!: RepActivityRowSchema[];
}
