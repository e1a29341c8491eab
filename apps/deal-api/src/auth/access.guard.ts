import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { AccessTarget, isOperation, Operation, OPERATIONS, PermissionDeniedError } from '@deals/domain';
import { isPublic } from '../request-context/actor.guard';
import { ACCESS_OPERATION } from './access.decorator';
import { AccessPolicy } from './access-policy';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const READS = new Set(['GET', 'HEAD']);

/**
 * Every route names its operation (@Access); this guard applies the access table before any
 * pipe or handler runs. Reads of one deal or person are decided here in full. Commands are
 * checked by role here and in full by the command path, against the deal exactly as the append
 * will find it. A route without an operation is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly policy: AccessPolicy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (isPublic(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const actor = request.actor!;
    const operation = this.reflector.get<string | undefined>(ACCESS_OPERATION, context.getHandler());
    if (operation === undefined || !isOperation(operation)) {
      throw new PermissionDeniedError(actor, {
        permission: operation ?? 'unlisted', resource: request.path, reason: 'role', allowedRoles: [],
        explanation: 'this route is not in the access table',
      });
    }
    const target = await this.targetOf(operation, request);
    if (target === undefined) return true;
    request.scope = this.policy.assert(operation, actor, target);
    return true;
  }

  /** What the operation is decided on; undefined: nothing to protect (an unknown deal, answered 404). */
  private async targetOf(operation: Operation, request: Request): Promise<AccessTarget | undefined> {
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const { resource } = OPERATIONS[operation];
    const read = READS.has(request.method);
    if (resource === 'deal' && read) {
      // Ids are checked by their pipes after the guards; an id that is not a UUID reaches no deal.
      const dealId = params.dealId?.toLowerCase();
      if (dealId === undefined || !UUID.test(dealId)) return { kind: 'organisation' };
      // Who reads every deal, or no deal at all, needs no facts about this one: the role decides.
      const byRole = this.policy.check(operation, request.actor!, { kind: 'organisation' });
      if (!byRole.allowed || !byRole.narrowed) return { kind: 'deal', dealId };
      const { stream, facts } = await this.policy.dealFacts(dealId);
      request.dealStream = stream;
      return facts === undefined ? undefined : { kind: 'deal', dealId, deal: facts };
    }
    const personId = resource === 'person' ? params.personId ?? params.userId : undefined;
    if (personId !== undefined) return { kind: 'person', personId };
    // Commands name their deal or person in the path or body: the role decides here, the command path the rest.
    return { kind: 'organisation' };
  }
}
