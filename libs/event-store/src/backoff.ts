export interface BackoffOptions {
  /** The ceiling of the first delay. */
  readonly initialMs: number;
  /** No delay exceeds this. */
  readonly maxMs: number;
}

/**
 * The delay before retry number `attempt` (0-based): the ceiling doubles from `initialMs` up to
 * `maxMs`, and the delay is drawn from its upper half, so clients that failed together do not
 * retry together yet each still waits at least half the ceiling.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
