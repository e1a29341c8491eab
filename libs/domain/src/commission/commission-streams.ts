/** Where commission facts live: `plan-<planId>`, `assignment-<userId>`, `dispute-<disputeId>`. */
export const COMMISSION_STREAM_PREFIXES = { plan: 'plan-', assignment: 'assignment-', dispute: 'dispute-' } as const;

export type CommissionAggregate = keyof typeof COMMISSION_STREAM_PREFIXES;

export const commissionStreamId = (aggregate: CommissionAggregate, id: string): string => `${COMMISSION_STREAM_PREFIXES[aggregate]}${id}`;
