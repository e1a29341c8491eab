import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { positionRecordedBy, Projection, ReadModel, readModelAsOf } from '@deals/projections';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { ProjectionHost } from './projection-host';
import { PROJECTIONS } from './projections.tokens';
import { ReadOptionsDto } from './read-options.dto';

export interface ReadModelAnswer<R> {
  readonly result: R;
  /** The global position the answer reflects. */
  readonly position: number;
  readonly asOf?: string;
}

/**
 * Answers a pure query over a projection's read model: the live one, after an optional
 * read-your-writes wait, or the one of a past moment.
 */
@Injectable()
export class ReadModelSource {
  /**
   * The embedded store stamps recordedAt never decreasing along `$all` and its positions can be
   * probed, so a recorded time is a position and as-of reads come from the document versions.
   */
  private readonly fromVersions: boolean;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: Projection<unknown>[],
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly runner: ProjectionHost,
  ) {
    this.fromVersions = config.eventStoreConnectionString === undefined;
  }

  async answer<D, R>(name: string, options: ReadOptionsDto, query: (docs: ReadModel<D>) => R): Promise<ReadModelAnswer<R>> {
    if (options.asOf !== undefined && options.asOfPosition !== undefined) {
      throw new DomainError('READ.AS_OF_AMBIGUOUS', 'invalid', 'Give asOf (a recorded time) or asOfPosition, not both');
    }
    if (options.asOf !== undefined || options.asOfPosition !== undefined) return this.answerAsOf(name, options, query);
    if (options.minPosition !== undefined) {
      await this.beforeHead(options.minPosition);
      await this.waitFor(name, options.minPosition, options.waitMs);
    }
    return { result: query(this.runner.readModel<D>(name)), position: this.runner.position(name) };
  }

  /**
   * As of a past moment: from the projection's document versions and its documents' streams, at
   * a cost that follows the documents the query reads. A moment the projection has not reached
   * yet is waited for (`waitMs`), as a read-your-writes read is.
   */
  private async answerAsOf<D, R>(name: string, options: ReadOptionsDto, query: (docs: ReadModel<D>) => R): Promise<ReadModelAnswer<R>> {
    if (!this.fromVersions) {
      // EventStoreDB: writers' clocks may disagree (a recorded time is no position) and positions are log offsets
      // that cannot be probed at will; replayed as before.
      const projection = this.projections.find((p) => p.name === name) as Projection<D>;
      const replayed = await readModelAsOf(this.store, projection, options.asOf !== undefined ? { recordedAt: options.asOf } : { position: options.asOfPosition! });
      return { result: query(replayed.docs), position: replayed.position, asOf: options.asOf };
    }
    const head = await this.store.headPosition();
    // A moment past the head is the head: every event there is.
    const position = options.asOf !== undefined ? await positionRecordedBy(this.store, options.asOf, head) : Math.min(options.asOfPosition!, head);
    const answer = await this.runner.queryAsOf(name, position, query, options.waitMs ?? 5000);
    if (answer === undefined) throw this.notYetAt(name, position);
    return { ...answer, asOf: options.asOf };
  }

  private async beforeHead(position: number): Promise<void> {
    const head = await this.store.headPosition();
    if (position > head) {
      throw new DomainError('READ.POSITION_BEYOND_HEAD', 'precondition', `Position ${position} has not been written yet (the store is at ${head}); pass a position a command returned`, {
        minPosition: position,
        headPosition: head,
      });
    }
  }

  private async waitFor(name: string, position: number, waitMs = 5000): Promise<void> {
    if (!(await this.runner.waitForPosition(position, waitMs, [name]))) throw this.notYetAt(name, position);
  }

  private notYetAt(name: string, position: number): DomainError {
    return new DomainError('READ.NOT_YET_AT_POSITION', 'unavailable', `Projection "${name}" has not reached position ${position} yet; retry`, {
      projection: name,
      minPosition: position,
      position: this.runner.position(name),
    });
  }
}
