import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PeriodStatement } from '@deals/projections';
import { amount, CURRENCY, decimal, minor } from './amount';

@ApiSchema({ name: 'PayeeTotal', description: 'What a payee\'s statement for the period pays in one currency.' })
export class PayeeTotalSchema {
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty(minor('total', 'The statement\'s total')) totalMinor!: number;
  @ApiProperty(amount('total', 'The statement\'s total')) total!: string;
}

@ApiSchema({ name: 'Payee', description: 'A person on a plan in a commission period or with statement lines in it, with their statement\'s totals.' })
export class PayeeSchema {
  @ApiProperty({ example: 'ana.ae' }) userId!: string;
  @ApiPropertyOptional({ description: 'As registered.', example: 'Ana (account executive)' }) name?: string;
  @ApiProperty({ description: 'A plan assignment covers some of the period.' }) assigned!: boolean;
  @ApiProperty({ type: 'integer', description: 'How many lines their statement for the period has.' }) lines!: number;
  @ApiProperty({ type: [PayeeTotalSchema], description: 'Per currency, never added across currencies.' }) totals!: PayeeTotalSchema[];
}

export function presentPayee(payee: PeriodStatement, name: string | undefined): PayeeSchema {
  return {
    userId: payee.userId,
    ...(name === undefined ? {} : { name }),
    assigned: payee.assigned,
    lines: payee.statement.lines.length,
    totals: payee.statement.totals.map((t) => ({ currency: t.currency, totalMinor: t.totalMinor, total: decimal(t.totalMinor, t.currency) })),
  };
}
