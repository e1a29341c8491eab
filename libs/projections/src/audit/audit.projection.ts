import { DEAL_STREAM_PREFIX, dealIdOfStream, dealStreamId } from '@deals/domain';
import { RecordedEvent } from '@deals/event-store';
import { Projection } from '../projection';
import { AuditDocument, auditDealKey, auditPersonDealKey, DEAL_KEY_PREFIX, dealIdOfKey, PERSON_KEY_PREFIX, personIdOfKey } from './audit.document';
import { peopleOf } from './audit-envelope';
import { applyToDealAudit } from './deal-timeline';
import { applyToPersonDeal } from './person-deals';

/** "Who worked which deal": each deal's full timeline, and what each person did on each deal. */
export const auditProjection: Projection<AuditDocument> = {
  name: 'audit',
  // 2: one document per person and deal instead of one per person.
  version: 2,
  // Every event again with its data, per deal and per person: too large to keep on the heap.
  storage: 'stored',
  filter: { streamPrefixes: [DEAL_STREAM_PREFIX] },

  keysOf(event: RecordedEvent): readonly string[] {
    const dealId = dealIdOfStream(event.streamId);
    if (dealId === undefined || dealId === '') return [];
    return [auditDealKey(dealId), ...peopleOf(event).map((personId) => auditPersonDealKey(personId, dealId))];
  },

  apply(doc: AuditDocument | undefined, event: RecordedEvent, key: string): AuditDocument | undefined {
    if (key.startsWith(DEAL_KEY_PREFIX)) {
      return doc === undefined || doc.kind === 'deal' ? applyToDealAudit(doc, event) : doc;
    }
    if (key.startsWith(PERSON_KEY_PREFIX)) {
      return doc === undefined || doc.kind === 'person-deal' ? applyToPersonDeal(doc, event, personIdOfKey(key)) : doc;
    }
    return doc;
  },

  // A deal's timeline and a person's events on it only grow: stored item by item.
  appendOnly(doc: AuditDocument): readonly string[] {
    return doc.kind === 'deal' ? ['timeline', 'participants'] : ['recorded', 'namedIn'];
  },

  // Participants are kept without repeats; timeline entries and a person's events are only appended.
  readsAppended(doc: AuditDocument): readonly string[] {
    return doc.kind === 'deal' ? ['participants'] : [];
  },

  // Every document is of one deal, made by that deal's stream alone.
  streamOf(key: string): string | undefined {
    const dealId = dealIdOfKey(key);
    return dealId === undefined ? undefined : dealStreamId(dealId);
  },
};
