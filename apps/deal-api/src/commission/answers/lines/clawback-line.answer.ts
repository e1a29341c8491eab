import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LineKindAnswer } from './line-kind-answer';
import { lineAnswer, StatementLineSchema } from './statement-line.answer';

@ApiSchema({ name: 'StatementClawbackLine', description: 'The negative of what a deal paid, when its win is reversed inside the clawback window.' })
export class ClawbackLineSchema extends StatementLineSchema {
  @ApiProperty({ enum: ['clawback'] }) kind!: 'clawback';
}

export const clawbackLine: LineKindAnswer<ClawbackLineSchema> = {
  schema: ClawbackLineSchema,
  present: (line, dealName) => ({ ...lineAnswer(line, dealName), kind: 'clawback' }),
};
