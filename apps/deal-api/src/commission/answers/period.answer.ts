import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PeriodClose, PeriodFact } from '@deals/domain';
import { CommissionPeriodView } from '@deals/projections';
import { EventRefSchema } from './event-ref.answer';

@ApiSchema({ name: 'PeriodClose', description: 'The close in force of a commission period: its statements are as known just before this event.' })
export class PeriodCloseSchema implements PeriodClose {
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
  @ApiProperty({ description: 'The finance user or admin who closed it.' }) closedBy!: string;
  @ApiProperty({ type: EventRefSchema, description: 'The CommissionPeriodClosed event.' }) event!: EventRefSchema;
}

@ApiSchema({ name: 'PeriodChange', description: 'A close or a reopening of a commission period.' })
export class PeriodChangeSchema {
  @ApiProperty({ type: EventRefSchema }) ref!: EventRefSchema;
  @ApiProperty({ example: '2026-Q1' }) period!: string;
  @ApiProperty({ enum: ['closed', 'reopened'] }) change!: PeriodFact['change'];
  @ApiPropertyOptional() closedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiPropertyOptional() reopenedBy?: string;
  @ApiPropertyOptional({ description: 'Why it was reopened.' }) reason?: string;
}

@ApiSchema({ name: 'CommissionPeriod', description: 'A commission period (a calendar quarter, UTC): open or closed, every close and reopening.' })
export class CommissionPeriodSchema implements Omit<CommissionPeriodView, 'history'> {
  @ApiProperty({ example: '2026-Q1' }) period!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiPropertyOptional({ type: PeriodCloseSchema }) closed?: PeriodCloseSchema;
  @ApiProperty({ type: [PeriodChangeSchema] }) history!: PeriodChangeSchema[];
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive.' }) endsAt!: string;
  @ApiProperty({ description: 'Has the quarter ended (so it may be closed)?' }) ended!: boolean;
}

export const presentPeriod = (view: CommissionPeriodView): CommissionPeriodSchema => ({ ...view, history: view.history.map((change) => ({ ...change })) });
