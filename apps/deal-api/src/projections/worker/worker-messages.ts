import { LoggedChange, RebuildProgress } from '@deals/projections';

/** Marks a thread started as the projections worker (main.js of the build checks it). */
export const PROJECTIONS_WORKER_ROLE = 'deal-api-projections';

/** Where the worker finds the store and projections.db; it opens connections of its own. */
export interface WorkerSetup {
  readonly dataDir: string;
  readonly eventStoreConnectionString?: string;
}

export type WorkerCall =
  | { readonly method: 'status' }
  | { readonly method: 'rebuild'; readonly name: string }
  | { readonly method: 'prune'; readonly changeId: number };

export type ToWorker =
  /** The API's store committed: caught-up readers read now instead of at their next poll. */
  | { readonly type: 'wake' }
  | { readonly type: 'call'; readonly id: number; readonly call: WorkerCall }
  /** Stop reading, let the batch in hand commit (with its checkpoint), close, exit. */
  | { readonly type: 'stop' };

export type SerialisedError =
  | { readonly kind: 'rebuild'; readonly projection: string; readonly reason: string; readonly event: { position: number; eventId: string; type: string; streamId: string } }
  | { readonly kind: 'store'; readonly message: string }
  | { readonly kind: 'other'; readonly message: string };

export type FromWorker =
  /** Started: every projection follows the store from its checkpoint. */
  | { readonly type: 'ready'; readonly threadId: number }
  /** A projection committed a batch: its new position and the changes, in change-id order. */
  | { readonly type: 'batch'; readonly projection: string; readonly position: number; readonly changes: readonly LoggedChange[] }
  | { readonly type: 'progress'; readonly id: number; readonly progress: RebuildProgress }
  | { readonly type: 'reply'; readonly id: number; readonly result?: unknown; readonly error?: SerialisedError }
  | { readonly type: 'log'; readonly level: 'log' | 'warn'; readonly message: string };
