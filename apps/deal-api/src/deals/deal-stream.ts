export const DEAL_CATEGORY = 'deal';

export function dealStreamId(dealId: string): string {
  return `${DEAL_CATEGORY}-${dealId}`;
}
