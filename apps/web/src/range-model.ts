const DAY_MS = 86_400_000;

/**
 * The twelve months up to the end of today (UTC), as request parameters. Whole days, so the
 * request it builds reads the same on every render of the day: a page that rebuilt it from the
 * clock on each render would ask again after every answer, without end.
 */
export function trailingYear(now: Date): { readonly from: string; readonly to: string } {
  const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return { from: new Date(to - 365 * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}
