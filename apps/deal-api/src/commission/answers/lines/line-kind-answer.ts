import { Type } from '@nestjs/common';
import { StatementLine } from '@deals/domain';
import { DealNames } from '@deals/projections';
import { StatementLineSchema } from './statement-line.answer';

/** One kind of statement line at the HTTP edge: its schema, and how a computed line becomes its answer. */
export interface LineKindAnswer<A extends StatementLineSchema = StatementLineSchema> {
  readonly schema: Type<A>;
  present(line: StatementLine, dealName: DealNames): A;
}
