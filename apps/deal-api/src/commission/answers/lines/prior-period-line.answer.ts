import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { StatementLine } from '@deals/domain';
import { LineKindAnswer } from './line-kind-answer';
import { lineAnswer, StatementLineSchema } from './statement-line.answer';

@ApiSchema({
  name: 'StatementPriorPeriodLine',
  description: 'A correction, in the first open period, of a line of a closed period that a later fact changed (or, in a reopened period, an offset of corrections already paid).',
})
export class PriorPeriodLineSchema extends StatementLineSchema {
  @ApiProperty({ enum: ['prior-period'] }) kind!: 'prior-period';
  @ApiPropertyOptional({ description: 'The product of the corrected line, when it had one.', example: 'X' }) productCode?: string;
}

export const priorPeriodLine: LineKindAnswer<PriorPeriodLineSchema> = {
  schema: PriorPeriodLineSchema,
  present: (line: StatementLine, dealName) => ({ ...lineAnswer(line, dealName), kind: 'prior-period' }),
};
