import { BuyerSignalV1 } from '@deals/contracts';
import { DealCommandOf, Evidence } from '@deals/domain';

export type SignalCommand =
  | { readonly type: 'RecordRecapConfirmed'; readonly data: DealCommandOf<'RecordRecapConfirmed'>['data'] }
  | { readonly type: 'RecordBuyerResponded'; readonly data: DealCommandOf<'RecordBuyerResponded'>['data'] }
  | { readonly type: 'RecordDemoHeld'; readonly data: DealCommandOf<'RecordDemoHeld'>['data'] };

/** The deal command a signal asks for: the same fact a rep would record over HTTP. */
export function signalCommand(signal: BuyerSignalV1): SignalCommand {
  const evidence: Evidence = { kind: signal.evidence.kind, ref: signal.evidence.ref, ...(signal.evidence.url ? { url: signal.evidence.url } : {}) };
  switch (signal.kind) {
    case 'recap-confirmed':
      return { type: 'RecordRecapConfirmed', data: { evidence } };
    case 'buyer-replied':
      return { type: 'RecordBuyerResponded', data: { evidence } };
    case 'meeting-held':
      return { type: 'RecordDemoHeld', data: { attended: signal.attended, questionsAnswered: signal.questionsAnswered, evidence } };
  }
}

/** The system actor a signal acts as. Users' ids cannot hold ':', so no user can pass for an integration. */
export function integrationActor(signal: BuyerSignalV1) {
  return { id: `integration:${signal.source}`, roles: ['integration'] };
}
