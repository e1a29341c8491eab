import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReadModelSource } from '../../read-model.source';
import { RunReadModelQuery } from './run-read-model.query';

@QueryHandler(RunReadModelQuery)
export class RunReadModelHandler implements IQueryHandler<RunReadModelQuery> {
  constructor(private readonly source: ReadModelSource) {}

  async execute(q: RunReadModelQuery) {
    const { result, position, asOf } = await this.source.answer(q.projection, q.options, q.run);
    return { result, position, asOf };
  }
}
