import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/message';
import { AccessDenial } from './access-decision';

/** 403 AUTH.PERMISSION_DENIED: names the missing permission and the roles that would allow it. */
export class PermissionDeniedError extends DomainError {
  constructor(readonly actor: Actor, readonly denial: AccessDenial) {
    super(
      'AUTH.PERMISSION_DENIED',
      'forbidden',
      `${actor.id} lacks ${denial.permission} on ${denial.resource}: ${denial.explanation}`,
      {
        permission: denial.permission,
        resource: denial.resource,
        reason: denial.reason,
        allowedRoles: denial.allowedRoles,
        actorId: actor.id,
        actorRoles: actor.roles,
      },
    );
    this.name = 'PermissionDeniedError';
  }
}
