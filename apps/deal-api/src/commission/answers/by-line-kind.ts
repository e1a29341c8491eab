import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LINE_KINDS } from '@deals/domain';

/** Integer minor units per line kind; one property per kind the domain lists, so a new kind appears by itself. */
@ApiSchema({ name: 'MinorByLineKind', description: 'Integer minor units per line kind.' })
export class MinorByLineKindSchema {}

/** The same as decimal text. */
@ApiSchema({ name: 'AmountByLineKind', description: 'Decimal text per line kind.' })
export class AmountByLineKindSchema {}

for (const kind of LINE_KINDS) {
  ApiProperty({ type: 'integer' })(MinorByLineKindSchema.prototype, kind);
  ApiProperty({ type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' })(AmountByLineKindSchema.prototype, kind);
}
