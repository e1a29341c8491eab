import { Request } from 'express';

/** The route pattern a request matched (`/deals/:dealId/demos`), never its raw URL; `unmatched` when none did. */
export function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : 'unmatched';
}
