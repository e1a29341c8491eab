import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LineKindAnswer } from './line-kind-answer';
import { lineAnswer, StatementLineSchema } from './statement-line.answer';

@ApiSchema({ name: 'StatementAdjustmentLine', description: 'An adjustment of an accepted dispute, in the period it states.' })
export class AdjustmentLineSchema extends StatementLineSchema {
  @ApiProperty({ enum: ['adjustment'] }) kind!: 'adjustment';
}

export const adjustmentLine: LineKindAnswer<AdjustmentLineSchema> = {
  schema: AdjustmentLineSchema,
  present: (line, dealName) => ({ ...lineAnswer(line, dealName), kind: 'adjustment' }),
};
