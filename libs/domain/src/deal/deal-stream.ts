/** A deal's events live in stream `deal-<dealId>`. */
export const DEAL_STREAM_PREFIX = 'deal-';

export const dealStreamId = (dealId: string): string => `${DEAL_STREAM_PREFIX}${dealId}`;

/** The deal id of a deal stream, or undefined for any other stream. */
export function dealIdOfStream(streamId: string): string | undefined {
  return streamId.startsWith(DEAL_STREAM_PREFIX) && streamId.length > DEAL_STREAM_PREFIX.length ? streamId.slice(DEAL_STREAM_PREFIX.length) : undefined;
}
