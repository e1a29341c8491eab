/** Reporting lines, as the user directory knows them now. */
export interface Relations {
  /** The person's direct manager, if any. */
  managerOf(userId: string): string | undefined;
  /** Is this a registered person? Without a directory at hand (seeds, tests) everyone counts. */
  isRegistered?(userId: string): boolean;
}

export const NO_RELATIONS: Relations = { managerOf: () => undefined };

/** Longer chains than this are treated as broken (a cycle written by hand into the store). */
const MAX_CHAIN = 64;

/** True when `personId` reports to `managerId`, directly or down the chain. */
export function reportsTo(relations: Relations, personId: string, managerId: string): boolean {
  let current = relations.managerOf(personId);
  const seen = new Set<string>([personId]);
  for (let depth = 0; current !== undefined && depth < MAX_CHAIN && !seen.has(current); depth++) {
    if (current === managerId) return true;
    seen.add(current);
    current = relations.managerOf(current);
  }
  return false;
}

/** Relations from a plain map of person → manager (tests, seeds, one-off tools). */
export function relationsOf(managers: ReadonlyMap<string, string | undefined>): Relations {
  return { managerOf: (userId) => managers.get(userId) };
}
