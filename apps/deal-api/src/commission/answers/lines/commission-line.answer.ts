import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LineKindAnswer } from './line-kind-answer';
import { lineAnswer, StatementLineSchema } from './statement-line.answer';

@ApiSchema({ name: 'StatementCommissionLine', description: 'Credit × rate on one line item of a won deal.' })
export class CommissionLineSchema extends StatementLineSchema {
  @ApiProperty({ enum: ['commission'] }) kind!: 'commission';
  @ApiProperty({ description: 'The product code: the product of the line item (`*`: a deal won without line items).', example: 'X' }) productCode!: string;
}

export const commissionLine: LineKindAnswer<CommissionLineSchema> = {
  schema: CommissionLineSchema,
  present: (line, dealName) => ({ ...lineAnswer(line, dealName), kind: 'commission', productCode: line.productCode! }),
};
