/** Where commission facts live: `plan-<planId>`, `assignment-<userId>`, `dispute-<disputeId>`, `commission-period-<period>` (e.g. `commission-period-2026-Q1`). */
export const COMMISSION_STREAM_PREFIXES = { plan: 'plan-', assignment: 'assignment-', dispute: 'dispute-', period: 'commission-period-' } as const;

export type CommissionAggregate = keyof typeof COMMISSION_STREAM_PREFIXES;

export const commissionStreamId = (aggregate: CommissionAggregate, id: string): string => `${COMMISSION_STREAM_PREFIXES[aggregate]}${id}`;
