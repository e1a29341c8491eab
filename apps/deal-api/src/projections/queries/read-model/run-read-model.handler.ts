import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReadModelSource } from '../../read-model.source';
import { RunReadModelQuery } from './run-read-model.query';

@QueryHandler(RunReadModelQuery)
export class RunReadModelHandler implements IQueryHandler<RunReadModelQuery> {
  constructor(private readonly source: ReadModelSource) {}

  async execute(q: RunReadModelQuery) {
    const snapshot = await this.source.read(q.projection, q.options);
    return { result: q.run(snapshot.docs), position: snapshot.position, asOf: snapshot.asOf };
  }
}
