import { RecordedEvent } from '@deals/event-store';
import { PersonDealDocument } from './audit.document';
import { widen } from './activity-span';
import { namingsOf, ownerOf, readEnvelope, teamChangeOf } from './audit-envelope';
import { addRole, becomeOwner, heldRoles, removeRole } from './role-intervals';

/**
 * What the person did on the event's deal, after one more event; the same document when the
 * event does not involve them. The document is self-sufficient: it sees every event that
 * changes the person's roles on the deal (DealOpened naming them owner, team events naming
 * them), so the roles it records for their own events equal the deal timeline's.
 */
export function applyToPersonDeal(
  doc: PersonDealDocument | undefined, e: RecordedEvent, personId: string,
): PersonDealDocument | undefined {
  const envelope = readEnvelope(e);
  const namings = namingsOf(e).filter((n) => n.userId === personId);
  const isActor = envelope.actor.id === personId;
  if (!isActor && namings.length === 0) return doc;
  if (doc && e.position <= doc.lastPosition) return doc; // already folded: a redelivery changes nothing

  const { moment } = envelope;
  let deal = doc ?? newPersonDeal(personId, envelope.dealId, moment.position);
  if (ownerOf(e) === personId) deal = { ...deal, ...becomeOwner(deal, moment) };
  if (isActor) {
    deal = {
      ...deal,
      recorded: [...deal.recorded, { ...moment, type: e.type, revision: e.revision, dealRoles: heldRoles(deal) }],
      activity: widen(deal.activity, moment),
    };
  }
  deal = { ...deal, namedIn: [...deal.namedIn, ...namings.map((n) => ({ ...moment, type: e.type, as: n.as, by: envelope.actor.id }))] };
  const change = teamChangeOf(e);
  if (change && change.userId === personId) {
    deal = { ...deal, ...(change.added ? addRole(deal, change.role, moment) : removeRole(deal, change.role, moment)) };
  }
  return { ...deal, lastPosition: e.position };
}

function newPersonDeal(personId: string, dealId: string, position: number): PersonDealDocument {
  return { kind: 'person-deal', personId, dealId, isOwner: false, roles: [], recorded: [], namedIn: [], firstPosition: position, lastPosition: 0 };
}
