import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { FactRef, LineageRole } from '@deals/domain';
import { valuesOf } from './amount';

export const LINEAGE_ROLES = valuesOf<LineageRole>({
  close: true, 'amount-correction': true, split: true, 'plan-version': true, assignment: true, 'go-live': true, reversal: true, adjustment: true, 'contributing-close': true,
  'late-fact': true, 'period-close': true,
});

@ApiSchema({ name: 'ChangeApproval', description: 'The approval that applied a change: whose proposal, who approved it.' })
export class ChangeApprovalSchema {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty() proposedBy!: string;
  @ApiProperty() approvedBy!: string;
}

@ApiSchema({ name: 'EventRef', description: 'A stored event a fact came from: open it by id or position; who did it, when it happened and when it was recorded.' })
export class EventRefSchema implements FactRef {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ type: 'integer', description: 'Global position.' }) position!: number;
  @ApiProperty({ example: 'DealClosedWon' }) type!: string;
  @ApiProperty({ example: 'deal-…' }) streamId!: string;
  @ApiProperty({ format: 'date-time', description: 'Business time.' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the engine recorded it.' }) recordedAt!: string;
  @ApiPropertyOptional({ description: 'Who did it.' }) actorId?: string;
  @ApiPropertyOptional({ type: ChangeApprovalSchema, description: 'Set when an approval applied the fact.' }) approval?: ChangeApprovalSchema;
}

@ApiSchema({ name: 'LineageEvent', description: 'An event a line rests on, and why.' })
export class LineageEventSchema extends EventRefSchema {
  @ApiProperty({ enum: LINEAGE_ROLES }) role!: LineageRole;
}
