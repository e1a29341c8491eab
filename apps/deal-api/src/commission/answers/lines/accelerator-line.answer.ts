import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LineKindAnswer } from './line-kind-answer';
import { lineAnswer, StatementLineSchema } from './statement-line.answer';

@ApiSchema({ name: 'StatementAcceleratorLine', description: 'What the accelerators add to a deal\'s commission lines (the difference from their rounded subtotal).' })
export class AcceleratorLineSchema extends StatementLineSchema {
  @ApiProperty({ enum: ['accelerator'] }) kind!: 'accelerator';
}

export const acceleratorLine: LineKindAnswer<AcceleratorLineSchema> = {
  schema: AcceleratorLineSchema,
  present: (line, dealName) => ({ ...lineAnswer(line, dealName), kind: 'accelerator' }),
};
