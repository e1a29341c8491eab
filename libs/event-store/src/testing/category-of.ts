/** The category of a stream: the part before the first '-' ("deal-42" → "deal"). */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
