import type { ClosedLoopResult } from '../lib/closed-loop';

/** Names of the command-throughput runners, kept apart from the runners so the report loads none of them. */
export const RUNNER_LABELS: Readonly<Record<string, string>> = {
  product: 'deal engine: command path on the embedded store',
  'emmett-default': 'Emmett-SQLite, getSQLiteEventStore (documented set-up)',
  'emmett-connection': 'Emmett-SQLite, one long-lived connection',
  bare: 'limit: bare better-sqlite3 loop',
};

export interface CommandRound extends ClosedLoopResult {
  /** Events of every command the runner reported done, over the whole run (warm-up and drain included). */
  readonly acknowledgedEvents: number;
  /** Events found in the database file after the run. */
  readonly storedEvents: number;
}

export interface RunnerFigures {
  readonly runner: string;
  readonly concurrency: number;
  /** Median of the rounds. */
  readonly perSecond: number;
  readonly rounds: readonly CommandRound[];
}
