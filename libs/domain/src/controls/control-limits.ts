/** The configurable limits of the compensation controls; every one has a default. */
export interface ControlLimits {
  /** Dispute adjustments totalling more than this many whole units of a currency need a second finance approval. */
  readonly disputeSecondApprovalAbove: number;
  /** Overlay shares on one deal add up to at most this, in basis points (10,000 = 100%). */
  readonly overlayCapBp: number;
  /** A close, or a fact that moves credit, dated more than this many days back waits for a manager's approval. */
  readonly backdateDays: number;
}

export const DEFAULT_CONTROL_LIMITS: ControlLimits = { disputeSecondApprovalAbove: 5_000, overlayCapBp: 10_000, backdateDays: 7 };

/** The limits from `CONTROL_*` settings; unset ones keep their default, bad ones are refused at start. */
export function controlLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): ControlLimits {
  const read = (name: string, fallback: number, max: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < 0 || value > max) throw new Error(`${name} must be a whole number from 0 to ${max}, got "${text}"`);
    return value;
  };
  return {
    disputeSecondApprovalAbove: read('CONTROL_DISPUTE_SECOND_APPROVAL_ABOVE', DEFAULT_CONTROL_LIMITS.disputeSecondApprovalAbove, 1e12),
    overlayCapBp: read('CONTROL_OVERLAY_CAP_PERCENT', DEFAULT_CONTROL_LIMITS.overlayCapBp / 100, 10_000) * 100,
    backdateDays: read('CONTROL_BACKDATE_DAYS', DEFAULT_CONTROL_LIMITS.backdateDays, 3_650),
  };
}
