/** What one live-feed subscriber may cost the server. */
export interface LiveFeedLimits {
  /**
   * Bytes one subscriber may have waiting in this process (its unsent response buffer plus the
   * live changes queued while it is behind) before it is cut off. It resumes with Last-Event-ID.
   */
  readonly maxQueuedBytes: number;
  /** Most changes read from the change log at a time while replaying a backlog. */
  readonly replayPageSize: number;
  /**
   * A subscriber that takes none of the data waiting for it for this long is disconnected; it is
   * also how long a cut-off subscriber gets to read its last bytes before its socket is closed.
   */
  readonly stallTimeoutMs: number;
  /** A comment line this often keeps proxies from closing an idle stream. */
  readonly heartbeatMs: number;
}

export const DEFAULT_LIVE_FEED_LIMITS: LiveFeedLimits = {
  maxQueuedBytes: 8 * 1024 * 1024,
  replayPageSize: 100,
  stallTimeoutMs: 60_000,
  heartbeatMs: 15_000,
};

/** Environment variables of the limits (a positive integer each; unset: the default). */
export const LIVE_FEED_ENV: Record<keyof LiveFeedLimits, string> = {
  maxQueuedBytes: 'LIVE_MAX_QUEUED_BYTES',
  replayPageSize: 'LIVE_REPLAY_PAGE_SIZE',
  stallTimeoutMs: 'LIVE_STALL_TIMEOUT_MS',
  heartbeatMs: 'LIVE_HEARTBEAT_MS',
};

export function liveFeedLimitsFromEnv(env: NodeJS.ProcessEnv): Partial<LiveFeedLimits> {
  const limits: Partial<Record<keyof LiveFeedLimits, number>> = {};
  for (const [key, name] of Object.entries(LIVE_FEED_ENV) as [keyof LiveFeedLimits, string][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
    limits[key] = value;
  }
  return limits;
}
