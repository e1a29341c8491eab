/** One page of a list answer, with the total before paging (docs/projections.md). */
export interface Paged<T> {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly items: readonly T[];
}

/** The path of one page of a list. */
export const pagePath = (path: string, offset: number, limit: number): string =>
  `${path}${path.includes('?') ? '&' : '?'}offset=${offset}&limit=${limit}`;

/** What a long list shows: the first `shown` items, and how many it leaves for "show more". */
export function windowOf<T>(items: readonly T[], shown: number): { readonly visible: readonly T[]; readonly hidden: number } {
  const visible = items.slice(0, Math.max(0, shown));
  return { visible, hidden: items.length - visible.length };
}
