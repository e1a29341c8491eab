import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LineKindAnswer } from './line-kind-answer';
import { lineAnswer, StatementLineSchema } from './statement-line.answer';

@ApiSchema({ name: 'StatementSpifLine', description: 'A SPIF bonus, paid once in a quarter by the deal that reached its target.' })
export class SpifLineSchema extends StatementLineSchema {
  @ApiProperty({ enum: ['spif'] }) kind!: 'spif';
  @ApiProperty({ description: 'The product code: the product the SPIF counts.', example: 'X' }) productCode!: string;
}

export const spifLine: LineKindAnswer<SpifLineSchema> = {
  schema: SpifLineSchema,
  present: (line, dealName) => ({ ...lineAnswer(line, dealName), kind: 'spif', productCode: line.productCode! }),
};
