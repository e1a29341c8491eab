import { defaultPipelineCatalog, PipelineCatalog } from '@deals/domain';
import { RecordedEvent } from '@deals/event-store';
import { Projection } from '../projection';
import { CommissionFactsDocument, factsKey, FactsKind, STREAM_PREFIXES } from './commission-facts.document';
import { applyToAssignmentFacts, applyToDispute, applyToPeriodFacts, applyToPlanFacts } from './commission-stream.evolve';
import { applyToDealFacts } from './deal-facts.evolve';
import { applyToIndex, indexKeys } from './person-index.evolve';

function streamOf(event: RecordedEvent): { kind: FactsKind; id: string } | undefined {
  for (const kind of Object.keys(STREAM_PREFIXES) as FactsKind[]) {
    const prefix = STREAM_PREFIXES[kind];
    if (event.streamId.startsWith(prefix) && event.streamId.length > prefix.length) return { kind, id: event.streamId.slice(prefix.length) };
  }
  return undefined;
}

/**
 * The facts commission statements are computed from: one document per deal, plan, person's
 * assignments, dispute and commission period, keyed `<kind>:<id>`. Every fact keeps its event id, global position,
 * business time and recorded time, so statements "as known at" any moment come from the same
 * documents. Stage probabilities come from `catalog`. Beside them, an index: per person, the
 * documents their commission can depend on (`person:<userId>/<bucket>`), and the plan
 * documents (`plans`) and the period documents (`periods`), so one person's statement reads only those.
 */
export function createCommissionFactsProjection(catalog: PipelineCatalog = defaultPipelineCatalog): Projection<CommissionFactsDocument> {
  return {
    name: 'commission-facts',
    // 2: the person index, the plan list and the misfiled-deals list. 3: a proposed acceptance keeps its adjustments.
    version: 3,
    filter: { streamPrefixes: Object.values(STREAM_PREFIXES) },
    keysOf: (event) => {
      const stream = streamOf(event);
      return stream ? [factsKey(stream.kind, stream.id), ...indexKeys(stream.kind, stream.id, event)] : [];
    },
    apply: (doc, event, key) => {
      const stream = streamOf(event);
      if (stream && key !== factsKey(stream.kind, stream.id)) return applyToIndex(doc, key, stream.kind, stream.id);
      if (!stream || (doc !== undefined && doc.kind !== stream.kind)) return doc;
      switch (stream.kind) {
        case 'deal': return applyToDealFacts(catalog, doc as Extract<CommissionFactsDocument, { kind: 'deal' }> | undefined, event);
        case 'plan': return applyToPlanFacts(doc as Extract<CommissionFactsDocument, { kind: 'plan' }> | undefined, event);
        case 'assignment': return applyToAssignmentFacts(doc as Extract<CommissionFactsDocument, { kind: 'assignment' }> | undefined, event);
        case 'dispute': return applyToDispute(doc as Extract<CommissionFactsDocument, { kind: 'dispute' }> | undefined, event);
        case 'period': return applyToPeriodFacts(doc as Extract<CommissionFactsDocument, { kind: 'period' }> | undefined, event);
      }
    },
    // `<kind>:<id>` is made by the stream `<kind>-<id>` alone; the index documents by every stream that names a person or plan.
    streamOf: (key) => {
      const colon = key.indexOf(':');
      const kind = key.slice(0, colon);
      return colon > 0 && Object.hasOwn(STREAM_PREFIXES, kind) ? `${STREAM_PREFIXES[kind as FactsKind]}${key.slice(colon + 1)}` : undefined;
    },
  };
}

export const commissionFactsProjection: Projection<CommissionFactsDocument> = createCommissionFactsProjection();
