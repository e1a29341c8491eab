import { RecordedEvent } from '@deals/event-store';
import {
  CommissionFactsDocument, factsKey, FactsKind, MISFILED_DEALS_KEY, MisfiledDealsDocument, PERIOD_KEYS_KEY, PeriodKeysDocument, PersonIndexDocument,
  personIndexBucket, personIndexKey, PLAN_KEYS_KEY, PlanKeysDocument, userIdOfPersonIndexKey,
} from './commission-facts.document';
import { Data, text } from './fact-ref';

type IndexDocument = PersonIndexDocument | PlanKeysDocument | PeriodKeysDocument | MisfiledDealsDocument;

const people = (items: unknown, field: string): string[] =>
  (Array.isArray(items) ? items : []).flatMap((item: Data | null | undefined) => { const userId = text(item?.[field]); return userId === undefined ? [] : [userId]; });

/**
 * Whose commission the event's document can concern from now on: a deal's owner (the default
 * credit when no split is set) and everyone in a split's revenue and overlay shares; the person
 * assigned a plan; everyone an accepted dispute adjusts. Read leniently: an event the document's
 * own fold refuses is dead-lettered whole, and an extra entry only costs a lookup.
 */
function peopleConcerned(kind: FactsKind, event: RecordedEvent): string[] {
  const data = (typeof event.data === 'object' && event.data !== null ? event.data : {}) as Data;
  const found =
    kind === 'deal' && event.type === 'DealOpened' ? people([data], 'ownerId')
      : kind === 'deal' && event.type === 'CreditSplitsSet' ? [...people(data.revenue, 'userId'), ...people(data.overlay, 'userId')]
        : kind === 'assignment' && event.type === 'CommissionPlanAssigned' ? people([data], 'userId')
          : kind === 'dispute' && event.type === 'DisputeAccepted' ? people(data.adjustments, 'userId')
            : [];
  return [...new Set(found)];
}

/** The index documents an event touches besides its own document `<kind>:<id>`. */
export function indexKeys(kind: FactsKind, id: string, event: RecordedEvent): string[] {
  const bucket = personIndexBucket(factsKey(kind, id));
  const keys = peopleConcerned(kind, event).map((userId) => personIndexKey(userId, bucket));
  if (kind === 'plan' && event.type === 'CommissionPlanVersionPublished') keys.push(PLAN_KEYS_KEY);
  if (kind === 'period' && event.type === 'CommissionPeriodClosed') keys.push(PERIOD_KEYS_KEY);
  if (kind === 'deal' && event.type === 'DealOpened' && (event.data as Data | null | undefined)?.dealId !== id) keys.push(MISFILED_DEALS_KEY);
  return keys;
}

/** An index document after an event of `<kind>:<id>`: that key is added once, never removed. */
export function applyToIndex(doc: CommissionFactsDocument | undefined, key: string, kind: FactsKind, id: string): CommissionFactsDocument | undefined {
  const documentKey = factsKey(kind, id);
  const expected: IndexDocument['kind'] = key === PLAN_KEYS_KEY ? 'plan-keys' : key === PERIOD_KEYS_KEY ? 'period-keys'
    : key === MISFILED_DEALS_KEY ? 'misfiled-deals' : 'person-index';
  if (doc !== undefined && (doc.kind !== expected || doc.keys.includes(documentKey))) return doc;
  if (doc !== undefined) return { ...doc, keys: [...doc.keys, documentKey] };
  return expected === 'person-index'
    ? { kind: expected, userId: userIdOfPersonIndexKey(key), keys: [documentKey] }
    : { kind: expected, keys: [documentKey] };
}
