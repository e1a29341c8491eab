import { RecordedEvent } from '@deals/event-store';
import { Projection } from '../projection';
import { AuditDocument, auditDealKey, auditPersonKey, DEAL_KEY_PREFIX, PERSON_KEY_PREFIX } from './audit.document';
import { dealIdOf, peopleOf } from './audit-envelope';
import { applyToDealAudit } from './deal-timeline';
import { applyToPersonAudit } from './person-deals';

/** "Who worked which deal": each deal's full timeline, and each person's deals and roles. */
export const auditProjection: Projection<AuditDocument> = {
  name: 'audit',
  version: 1,
  filter: { streamPrefixes: ['deal-'] },

  keysOf(event: RecordedEvent): readonly string[] {
    const dealId = dealIdOf(event.streamId);
    if (dealId === undefined || dealId === '') return [];
    return [auditDealKey(dealId), ...peopleOf(event).map(auditPersonKey)];
  },

  apply(doc: AuditDocument | undefined, event: RecordedEvent, key: string): AuditDocument | undefined {
    if (key.startsWith(DEAL_KEY_PREFIX)) {
      return doc === undefined || doc.kind === 'deal' ? applyToDealAudit(doc, event) : doc;
    }
    if (key.startsWith(PERSON_KEY_PREFIX)) {
      const personId = key.slice(PERSON_KEY_PREFIX.length);
      return doc === undefined || doc.kind === 'person' ? applyToPersonAudit(doc, event, personId) : doc;
    }
    return doc;
  },
};
