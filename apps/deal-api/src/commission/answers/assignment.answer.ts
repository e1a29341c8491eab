import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { AssignmentFact } from '@deals/domain';
import { PlanNames } from '@deals/projections';
import { amount, CURRENCY, decimal, minor } from './amount';
import { EventRefSchema } from './event-ref.answer';

@ApiSchema({ name: 'AssignmentEnding', description: 'An early end: the assignment\'s last day brought forward, from when it is known.' })
export class AssignmentEndingSchema {
  @ApiProperty({ type: EventRefSchema, description: 'The CommissionPlanAssignmentEnded event.' }) ref!: EventRefSchema;
  @ApiProperty({ example: '2026-06-30', description: 'The new last day (inclusive).' }) effectiveTo!: string;
}

@ApiSchema({ name: 'PlanAssignment', description: 'A person on a plan for a period.' })
export class PlanAssignmentSchema implements AssignmentFact {
  @ApiProperty({ type: EventRefSchema, description: 'The CommissionPlanAssigned event.' }) ref!: EventRefSchema;
  @ApiProperty() userId!: string;
  @ApiProperty() planId!: string;
  @ApiPropertyOptional({ description: 'The plan\'s name (its latest version\'s).', example: 'AE FY26 v2' }) planName?: string;
  @ApiProperty({ example: '2026-01-01' }) effectiveFrom!: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Inclusive; open-ended when absent.' }) effectiveTo?: string;
  @ApiPropertyOptional(minor('quota', 'The quarterly quota')) quotaMinor?: number;
  @ApiPropertyOptional(amount('quota', 'The quarterly quota')) quota?: string;
  @ApiProperty(CURRENCY) currency!: string;
  @ApiPropertyOptional({ type: [AssignmentEndingSchema] }) endings?: readonly AssignmentEndingSchema[];
}

export function presentAssignment(assignment: AssignmentFact, planName: PlanNames): PlanAssignmentSchema {
  const name = planName(assignment.planId);
  return {
    ...assignment,
    ...(name === undefined ? {} : { planName: name }),
    ...(assignment.quotaMinor === undefined ? {} : { quota: decimal(assignment.quotaMinor, assignment.currency) }),
  };
}
