export interface ThrottleLimits {
  /** Failures within `windowSeconds` that lock the key. */
  readonly maxFailures: number;
  readonly windowSeconds: number;
  /** How long a locked key stays locked. */
  readonly lockSeconds: number;
}

export type ThrottleAnswer = { readonly locked: false } | { readonly locked: true; readonly retryAfterSeconds: number; readonly startedNow: boolean };

interface Entry {
  failures: number[];
  lockedUntil?: number;
}

/** Keys kept at most; past that the oldest are forgotten (an attacker spraying ids cannot exhaust memory). */
const MAX_KEYS = 100_000;

/**
 * Failed sign-ins counted per key (an account id as typed, an address) in a sliding window; a
 * key that fails too often is locked for a while. The clock is passed in: no timers, no I/O.
 * Unknown and known ids are counted alike, so the answers never tell one from the other.
 */
export class SignInThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly limits: ThrottleLimits) {}

  /** Locked now? Checked before the password is even looked at. */
  check(key: string, nowMs: number): ThrottleAnswer {
    const until = this.entries.get(key)?.lockedUntil;
    if (until === undefined || until <= nowMs) return { locked: false };
    return { locked: true, retryAfterSeconds: Math.ceil((until - nowMs) / 1000), startedNow: false };
  }

  /** Counts a failure; answers whether the key is now locked (and whether this failure locked it). */
  fail(key: string, nowMs: number): ThrottleAnswer {
    const entry = this.entries.get(key) ?? { failures: [] };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (entry.lockedUntil !== undefined && entry.lockedUntil <= nowMs) entry.lockedUntil = undefined;
    const since = nowMs - this.limits.windowSeconds * 1000;
    entry.failures = [...entry.failures.filter((at) => at > since), nowMs].slice(-this.limits.maxFailures);
    this.forgetOldest();
    if (entry.lockedUntil !== undefined) return this.check(key, nowMs);
    if (entry.failures.length < this.limits.maxFailures) return { locked: false };
    entry.lockedUntil = nowMs + this.limits.lockSeconds * 1000;
    entry.failures = [];
    return { locked: true, retryAfterSeconds: this.limits.lockSeconds, startedNow: true };
  }

  /** A successful sign-in clears the account's count. */
  succeed(key: string): void {
    this.entries.delete(key);
  }

  private forgetOldest(): void {
    while (this.entries.size > MAX_KEYS) this.entries.delete(this.entries.keys().next().value as string);
  }
}
