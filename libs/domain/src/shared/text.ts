/** True for undefined, null, non-strings and strings of only whitespace. */
export function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim().length === 0;
}
