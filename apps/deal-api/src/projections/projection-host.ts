import { Observable } from 'rxjs';
import { DeadLetter, LoggedChange, ProjectionStatus, ReadModel, RebuildProgress } from '@deals/projections';

/** A projection's status, with the thread that folds it. */
export interface HostedProjectionStatus extends ProjectionStatus {
  /** `worker`: a worker thread folds it (PROJECTIONS_THREAD=worker); `main`: the request loop. */
  readonly thread: 'main' | 'worker';
  /** Node's id of that thread (0: the main thread). */
  readonly threadId: number;
}

/**
 * The projections as the rest of the API uses them, wherever they fold: the runner on the
 * request loop (projection-runner.service.ts) or a worker thread mirrored here (worker/).
 */
export abstract class ProjectionHost {
  /** Every change committed from now on, once each, in change-id order (the live feed). */
  abstract readonly changes$: Observable<LoggedChange>;
  abstract readonly names: string[];
  abstract readModel<D>(name: string): ReadModel<D>;
  abstract position(name: string): number;
  abstract status(): Promise<HostedProjectionStatus[]>;
  abstract deadLetters(name?: string): DeadLetter[];
  abstract lastChangeId(): number;
  abstract pruneChangesThrough(changeId: number): number | Promise<number>;
  abstract changesAfter(changeId: number, names?: readonly string[], limit?: number): Promise<LoggedChange[]>;
  abstract waitForPosition(position: number, timeoutMs: number, names?: readonly string[]): Promise<boolean>;
  abstract queryAsOf<D, R>(name: string, position: number, query: (docs: ReadModel<D>) => R, waitMs: number): Promise<{ result: R; position: number } | undefined>;
  abstract rebuild(name: string, onProgress?: (p: RebuildProgress) => void): Promise<{ events: number; position: number }>;
}
