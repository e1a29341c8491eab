import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { PlanVersionFact } from '@deals/domain';
import { PlanFactsDocument } from '@deals/projections';
import { PlanRulesSchema } from '../plans/plan-rules.schema';
import { EventRefSchema } from './event-ref.answer';

/** Plans answer their rules exactly as published (minor units), so a version read back can be published again as the next one. */

@ApiSchema({ name: 'CommissionPlanSummary', description: 'A plan with its latest version\'s number, name and start.' })
export class PlanSummarySchema {
  @ApiProperty({ example: 'ae-fy26' }) planId!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) latestVersion!: number;
  @ApiProperty({ example: 'AE FY26 v2' }) name!: string;
  @ApiProperty({ example: '2026-07-01', description: 'A date (`YYYY-MM-DD`) or an instant.' }) effectiveFrom!: string;
}

@ApiSchema({ name: 'CommissionPlanVersion', description: 'A published version of a plan.' })
export class PlanVersionSchema implements PlanVersionFact {
  @ApiProperty({ type: EventRefSchema, description: 'The CommissionPlanVersionPublished event.' }) ref!: EventRefSchema;
  @ApiProperty() planId!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty({ example: 'AE FY26 v1' }) name!: string;
  @ApiProperty({ example: '2026-01-01', description: 'A date (`YYYY-MM-DD`) or an instant.' }) effectiveFrom!: string;
  @ApiProperty({ type: PlanRulesSchema }) rules!: PlanRulesSchema;
}

@ApiSchema({ name: 'CommissionPlan', description: 'A plan with every version published, oldest first.' })
export class PlanSchema implements PlanFactsDocument {
  @ApiProperty({ enum: ['plan'] }) kind!: 'plan';
  @ApiProperty() planId!: string;
  @ApiProperty({ type: [PlanVersionSchema] }) versions!: readonly PlanVersionSchema[];
  @ApiProperty({ type: 'integer', description: 'The plan stream\'s revision.' }) revision!: number;
}
