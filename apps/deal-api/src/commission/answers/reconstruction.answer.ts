import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { LINE_KINDS, LineDifference, LineKind, Reconstruction } from '@deals/domain';
import { DealNames } from '@deals/projections';
import { amount, CURRENCY, decimal, minor } from './amount';
import { EventRefSchema } from './event-ref.answer';
import { presentStatement, StatementSchema } from './statement.answer';

@ApiSchema({ name: 'LineDifference', description: 'A line whose amount differs between the two moments, and the events recorded in between that caused it.' })
export class LineDifferenceSchema implements LineDifference {
  @ApiProperty() lineId!: string;
  @ApiProperty({ enum: LINE_KINDS }) kind!: LineKind;
  @ApiPropertyOptional() dealId?: string;
  @ApiPropertyOptional({ example: 'Acme rollout' }) dealName?: string;
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty(minor('amountA', 'The line at the first moment (0: absent then)')) amountAMinor!: number;
  @ApiProperty(amount('amountA', 'The line at the first moment')) amountA!: string;
  @ApiProperty(minor('amountB', 'The line at the second moment (0: absent then)')) amountBMinor!: number;
  @ApiProperty(amount('amountB', 'The line at the second moment')) amountB!: string;
  @ApiProperty(minor('delta', 'B − A')) deltaMinor!: number;
  @ApiProperty(amount('delta', 'B − A')) delta!: string;
  @ApiProperty({ example: '2,400.00 − 3,200.00 = −800.00' }) arithmetic!: string;
  @ApiProperty({ type: [EventRefSchema], description: 'Events recorded after A and by B that changed the line\'s inputs, in recording order.' }) causes!: EventRefSchema[];
}

@ApiSchema({ name: 'CurrencyDelta' })
export class CurrencyDeltaSchema {
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty(minor('delta', 'The total difference')) deltaMinor!: number;
  @ApiProperty(amount('delta', 'The total difference')) delta!: string;
}

@ApiSchema({ name: 'StatementReconstruction', description: 'The statement as known at two recorded moments, line by line, with the events that caused each difference.' })
export class ReconstructionSchema implements Reconstruction {
  @ApiProperty() userId!: string;
  @ApiProperty({ example: '2026-Q1' }) period!: string;
  @ApiProperty({ format: 'date-time' }) knownAtA!: string;
  @ApiProperty({ format: 'date-time' }) knownAtB!: string;
  @ApiProperty({ type: StatementSchema, description: 'As known at A.' }) a!: StatementSchema;
  @ApiProperty({ type: StatementSchema, description: 'As known at B.' }) b!: StatementSchema;
  @ApiProperty({ type: [LineDifferenceSchema] }) differences!: LineDifferenceSchema[];
  @ApiProperty({ type: [CurrencyDeltaSchema] }) totalDifference!: CurrencyDeltaSchema[];
  @ApiProperty({ type: [EventRefSchema], description: 'Every cause of every difference, once, in recording order.' }) causes!: EventRefSchema[];
}

export function presentReconstruction(reconstruction: Reconstruction, dealName: DealNames): ReconstructionSchema {
  return {
    ...reconstruction,
    a: presentStatement(reconstruction.a, dealName),
    b: presentStatement(reconstruction.b, dealName),
    differences: reconstruction.differences.map((difference) => presentDifference(difference, dealName)),
    totalDifference: reconstruction.totalDifference.map((total) => ({ ...total, delta: decimal(total.deltaMinor, total.currency) })),
    causes: [...reconstruction.causes],
  };
}

function presentDifference(difference: LineDifference, dealName: DealNames): LineDifferenceSchema {
  const { currency, dealId } = difference;
  const name = dealId === undefined ? undefined : dealName(dealId);
  return {
    ...difference,
    ...(name === undefined ? {} : { dealName: name }),
    amountA: decimal(difference.amountAMinor, currency),
    amountB: decimal(difference.amountBMinor, currency),
    delta: decimal(difference.deltaMinor, currency),
    causes: [...difference.causes],
  };
}
