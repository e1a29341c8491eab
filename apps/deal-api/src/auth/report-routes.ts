import { PersonFilter, ReportFamily } from '@deals/domain';

export interface ReportRoute {
  readonly family: ReportFamily;
  /** The query filters that narrow this report to one person's deals; the first is forced for reps. */
  readonly narrowableBy: readonly PersonFilter[];
}

/** Reports a rep can have narrowed to their own deals. Any other /pipeline or /post-close route spans every deal. */
const NARROWABLE: Readonly<Record<string, ReportRoute>> = {
  '/pipeline': { family: 'pipeline', narrowableBy: ['teamMemberId', 'ownerId'] },
  '/pipeline/sales-cycle': { family: 'pipeline', narrowableBy: ['ownerId'] },
  '/pipeline/stuck': { family: 'pipeline', narrowableBy: ['ownerId'] },
};

const FAMILIES: readonly ReportFamily[] = ['pipeline', 'post-close'];

/** The report a route belongs to (by its path pattern), or undefined for routes that are not reports. */
export function reportRouteOf(routePath: string | undefined): ReportRoute | undefined {
  if (routePath === undefined) return undefined;
  if (NARROWABLE[routePath]) return NARROWABLE[routePath];
  const family = FAMILIES.find((f) => routePath === `/${f}` || routePath.startsWith(`/${f}/`));
  return family ? { family, narrowableBy: [] } : undefined;
}
