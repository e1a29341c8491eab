import { ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';
import { LineKind, StatementLine } from '@deals/domain';
import { DealNames } from '@deals/projections';
import { acceleratorLine } from './accelerator-line.answer';
import { adjustmentLine } from './adjustment-line.answer';
import { clawbackLine } from './clawback-line.answer';
import { commissionLine } from './commission-line.answer';
import { LineKindAnswer } from './line-kind-answer';
import { priorPeriodLine } from './prior-period-line.answer';
import { spifLine } from './spif-line.answer';
import { StatementLineSchema } from './statement-line.answer';

/** Every line kind with its schema and mapping; a kind added to the domain does not compile until it is here. */
const LINE_KIND_ANSWERS: { readonly [K in LineKind]: LineKindAnswer } = {
  commission: commissionLine,
  accelerator: acceleratorLine,
  spif: spifLine,
  clawback: clawbackLine,
  adjustment: adjustmentLine,
  'prior-period': priorPeriodLine,
};

export const LINE_SCHEMAS = Object.values(LINE_KIND_ANSWERS).map((answer) => answer.schema);

export const presentLine = (line: StatementLine, dealName: DealNames): StatementLineSchema => LINE_KIND_ANSWERS[line.kind].present(line, dealName);

/** A list of lines of any kind, told apart by `kind` (register LINE_SCHEMAS with @ApiExtraModels where it is used). */
export const LINES: ApiPropertyOptions = {
  type: 'array',
  items: {
    oneOf: LINE_SCHEMAS.map((schema) => ({ $ref: getSchemaPath(schema) })),
    discriminator: {
      propertyName: 'kind',
      mapping: Object.fromEntries(Object.entries(LINE_KIND_ANSWERS).map(([kind, answer]) => [kind, getSchemaPath(answer.schema)])),
    },
  },
};
