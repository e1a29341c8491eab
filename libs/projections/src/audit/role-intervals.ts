import { DealTeamRole } from '@deals/domain';
import { AuditMoment, RoleInterval } from './audit.document';

/** The part of a person's deal record that says which roles they held, from when to when. */
export interface RoleHistory {
  readonly isOwner: boolean;
  readonly roles: readonly RoleInterval[];
}

/** Roles held now: open team roles, or the owner's implicit account-executive role. */
export function heldRoles(history: RoleHistory): DealTeamRole[] {
  return [...new Set(history.roles.filter((r) => r.to === undefined).map((r) => r.role))];
}

/** The owner holds account-executive implicitly for as long as they hold no team role. */
export function becomeOwner(history: RoleHistory, at: AuditMoment): RoleHistory {
  if (history.isOwner) return history;
  return { isOwner: true, roles: openTeamRoles(history).length > 0 ? history.roles : [...history.roles, ownerRole(at)] };
}

export function addRole(history: RoleHistory, role: DealTeamRole, at: AuditMoment): RoleHistory {
  if (openTeamRoles(history).some((r) => r.role === role)) return history;
  const roles = history.roles
    // OpenDeal names the owner and puts them on the team in one command: no implicit role in between.
    .filter((r) => !(r.basis === 'owner' && r.to === undefined && r.from.commandId !== '' && r.from.commandId === at.commandId))
    .map((r) => (r.basis === 'owner' && r.to === undefined ? { ...r, to: at } : r));
  return { ...history, roles: [...roles, { role, basis: 'team', from: at }] };
}

export function removeRole(history: RoleHistory, role: DealTeamRole, at: AuditMoment): RoleHistory {
  const open = openTeamRoles(history).find((r) => r.role === role);
  if (!open) return history;
  const roles = history.roles.map((r) => (r === open ? { ...r, to: at } : r));
  const stillOnTeam = roles.some((r) => r.basis === 'team' && r.to === undefined);
  return { ...history, roles: history.isOwner && !stillOnTeam ? [...roles, ownerRole(at)] : roles };
}

function openTeamRoles(history: RoleHistory): RoleInterval[] {
  return history.roles.filter((r) => r.basis === 'team' && r.to === undefined);
}

function ownerRole(at: AuditMoment): RoleInterval {
  return { role: 'account-executive', basis: 'owner', from: at };
}
