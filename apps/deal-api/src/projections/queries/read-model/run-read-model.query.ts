import { Query } from '@nestjs/cqrs';
import { ReadModel } from '@deals/projections';
import { ReadOptionsDto } from '../../read-options.dto';

/** Runs a pure query function over a projection's read model (live, or as of a past moment). */
export class RunReadModelQuery<D = unknown, R = unknown> extends Query<{ result: R; position: number; asOf?: string }> {
  constructor(
    readonly projection: string,
    readonly options: ReadOptionsDto,
    readonly run: (docs: ReadModel<D>) => R,
  ) {
    super();
  }
}
