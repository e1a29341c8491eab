/** One page of a list answer, with the total before paging. */
export function paginate<T>(items: readonly T[], page: { offset: number; limit: number }) {
  return { total: items.length, offset: page.offset, limit: page.limit, items: items.slice(page.offset, page.offset + page.limit) };
}
