import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { isPublic } from '../request-context/actor.guard';
import { AccessPolicy } from './access-policy';
import { reportRouteOf } from './report-routes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Read rules for every GET: a route with `:dealId` needs deal:read on that deal, one with
 * `:personId` person:read on that person, and a /pipeline or /post-close report is narrowed to
 * the rep's own deals (or refused). Commands are authorised in the command path instead.
 */
@Injectable()
export class ReadAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly policy: AccessPolicy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublic(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !request.actor) return true;
    const { dealId, personId } = (request.params ?? {}) as Record<string, string | undefined>;
    // Ids are checked by their pipes after the guards; an id that is not a UUID reaches no deal.
    if (dealId !== undefined && UUID.test(dealId)) await this.policy.assertCanReadDeal(request.actor, dealId.toLowerCase());
    if (personId !== undefined) await this.policy.assertCanReadPerson(request.actor, personId);
    const report = reportRouteOf((request.route as { path?: string } | undefined)?.path);
    if (report) {
      const narrowTo = await this.policy.scopeReport(request.actor, report.family, request.query, report.narrowableBy);
      if (Object.keys(narrowTo).length > 0) narrowQuery(request, narrowTo);
    }
    return true;
  }
}

/** Express 5 parses `req.query` on each read, so the narrowed copy is pinned on the request itself. */
function narrowQuery(request: Request, narrowTo: Readonly<Record<string, string>>): void {
  Object.defineProperty(request, 'query', { value: { ...request.query, ...narrowTo }, configurable: true, enumerable: true, writable: true });
}
