import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { Projection, ReadModel, readModelAsOf } from '@deals/projections';
import { ProjectionRunnerService } from './projection-runner.provider';
import { PROJECTIONS } from './projections.tokens';
import { ReadOptionsDto } from './read-options.dto';

export interface ReadModelSnapshot<D> {
  readonly docs: ReadModel<D>;
  /** The global position the answer reflects. */
  readonly position: number;
  readonly asOf?: string;
}

/** The live read model, or one replayed as of a past moment, after an optional read-your-writes wait. */
@Injectable()
export class ReadModelSource {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: Projection<unknown>[],
    private readonly runner: ProjectionRunnerService,
  ) {}

  async read<D>(name: string, options: ReadOptionsDto): Promise<ReadModelSnapshot<D>> {
    const projection = this.projections.find((p) => p.name === name) as Projection<D>;
    if (options.asOf !== undefined && options.asOfPosition !== undefined) {
      throw new DomainError('READ.AS_OF_AMBIGUOUS', 'invalid', 'Give asOf (a recorded time) or asOfPosition, not both');
    }
    if (options.asOf !== undefined || options.asOfPosition !== undefined) {
      const asOf = options.asOf !== undefined ? { recordedAt: options.asOf } : { position: options.asOfPosition! };
      const replayed = await readModelAsOf(this.store, projection, asOf);
      return { docs: replayed.docs, position: replayed.position, asOf: options.asOf };
    }
    if (options.minPosition !== undefined) {
      const head = await this.store.headPosition();
      if (options.minPosition > head) {
        throw new DomainError('READ.POSITION_BEYOND_HEAD', 'precondition', `Position ${options.minPosition} has not been written yet (the store is at ${head}); pass a position a command returned`, {
          minPosition: options.minPosition,
          headPosition: head,
        });
      }
      const reached = await this.runner.waitForPosition(options.minPosition, options.waitMs ?? 5000, [name]);
      if (!reached) {
        throw new DomainError('READ.NOT_YET_AT_POSITION', 'unavailable', `Projection "${name}" has not reached position ${options.minPosition} yet; retry`, {
          projection: name,
          minPosition: options.minPosition,
          position: this.runner.position(name),
        });
      }
    }
    return { docs: this.runner.readModel<D>(name), position: this.runner.position(name) };
  }
}
