/**
 * The recordedAt stamp for a batch: now, unless the clock has stepped back behind the last
 * stored stamp, so recordedAt never decreases along `$all`. ISO-8601 strings in UTC with
 * milliseconds compare correctly as text.
 */
export function stampRecordedAt(now: Date, lastStored: string | undefined): string {
  const iso = now.toISOString();
  return lastStored !== undefined && lastStored > iso ? lastStored : iso;
}
