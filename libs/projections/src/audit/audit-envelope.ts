import { DEAL_TEAM_ROLES, dealIdOfStream, DealTeamRole } from '@deals/domain';
import { RecordedEvent } from '@deals/event-store';
import { AuditMoment } from './audit.document';


/**
 * What the audit reads from a stored event, read defensively: `apply` must be total, so a
 * malformed or future event still lands in the timeline instead of throwing.
 */
export interface AuditEnvelope {
  readonly dealId: string;
  readonly actor: { readonly id: string; readonly roles: readonly string[] };
  readonly moment: AuditMoment;
}

/** A person the event's data names, and as what. */
export interface Naming {
  readonly userId: string;
  readonly as: 'owner' | DealTeamRole;
}

/** A change of deal-team membership. */
export interface TeamChange {
  readonly userId: string;
  readonly role: DealTeamRole;
  readonly added: boolean;
}

export function readEnvelope(e: RecordedEvent): AuditEnvelope {
  const actor = record(e.metadata.actor);
  const roles = Array.isArray(actor.roles) ? actor.roles.filter((r): r is string => typeof r === 'string') : [];
  const recordedAt = text(e.metadata.recordedAt) ?? '';
  return {
    dealId: dealIdOfStream(e.streamId) ?? '',
    actor: { id: text(actor.id) ?? '', roles },
    moment: {
      position: e.position,
      eventId: e.eventId,
      commandId: text(e.metadata.commandId) ?? '',
      occurredAt: text(e.metadata.occurredAt) ?? recordedAt,
      recordedAt,
    },
  };
}

export function teamChangeOf(e: RecordedEvent): TeamChange | undefined {
  if (e.type !== 'TeamMemberAdded' && e.type !== 'TeamMemberRemoved') return undefined;
  const data = record(e.data);
  const userId = text(data.userId);
  const role = teamRole(data.role);
  return userId && role ? { userId, role, added: e.type === 'TeamMemberAdded' } : undefined;
}

export function ownerOf(e: RecordedEvent): string | undefined {
  return e.type === 'DealOpened' ? text(record(e.data).ownerId) : undefined;
}

export function namingsOf(e: RecordedEvent): Naming[] {
  const data = record(e.data);
  const named = (value: unknown, as: Naming['as']): Naming[] => {
    const userId = text(value);
    return userId ? [{ userId, as }] : [];
  };
  switch (e.type) {
    case 'DealOpened':
      return named(data.ownerId, 'owner');
    case 'TeamMemberAdded':
    case 'TeamMemberRemoved': {
      const change = teamChangeOf(e);
      return change ? [{ userId: change.userId, as: change.role }] : [];
    }
    case 'DealHandedToImplementation':
      return [
        ...named(data.implementationLeadId, 'implementation-lead'),
        ...named(data.customerSuccessManagerId, 'customer-success-manager'),
      ];
    default:
      return [];
  }
}

/** Everyone the event touches: its actor and everyone its data names. */
export function peopleOf(e: RecordedEvent): string[] {
  const ids = [readEnvelope(e).actor.id, ...namingsOf(e).map((n) => n.userId)].filter((id) => id !== '');
  return [...new Set(ids)];
}

export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function teamRole(value: unknown): DealTeamRole | undefined {
  return DEAL_TEAM_ROLES.find((role) => role === value);
}
