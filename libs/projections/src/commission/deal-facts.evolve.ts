import { CreditShare, DealFacts, LineItem, PipelineCatalog, stageById } from '@deals/domain';
import { RecordedEvent } from '@deals/event-store';
import { DealFactsDocument } from './commission-facts.document';
import { Data, dataOf, factRef, MalformedCommissionEventError, minor, required, text } from './fact-ref';

/**
 * A deal's commission facts after one event: line items, industry, stages with their win
 * probability, split history, close, go-live and reversal, each with the event it came from.
 * Other deal events leave the document as it was; a redelivered event changes nothing.
 */
export function applyToDealFacts(catalog: PipelineCatalog, doc: DealFactsDocument | undefined, event: RecordedEvent): DealFactsDocument | undefined {
  if (doc === undefined) return event.type === 'DealOpened' ? opened(catalog, event) : undefined;
  if (event.revision <= doc.revision) return doc;
  const deal = evolve(catalog, doc, event);
  return deal === doc.deal ? { ...doc, revision: event.revision } : { ...doc, deal, revision: event.revision };
}

function opened(catalog: PipelineCatalog, event: RecordedEvent): DealFactsDocument {
  const data = dataOf(event);
  const account = data.account as Data | undefined;
  const pipeline = data.pipeline as Data | undefined;
  const fields = required(event, {
    dealId: text(data.dealId), name: text(data.name), ownerId: text(data.ownerId), currency: text(data.currency),
    expectedAmountMinor: minor(data.expectedAmountMinor), stageId: text(data.stageId),
    'pipeline.id': text(pipeline?.id), 'pipeline.version': typeof pipeline?.version === 'number' ? pipeline.version : undefined,
  });
  const ref = factRef(event);
  const industry = text(account?.industry);
  const pipelineRef = { id: fields['pipeline.id'], version: fields['pipeline.version'] };
  const deal: DealFacts = {
    dealId: fields.dealId, name: fields.name, currency: fields.currency, ...(industry === undefined ? {} : { industry }),
    ownerId: fields.ownerId, opened: ref,
    amounts: [{ ref, amountMinor: fields.expectedAmountMinor, lineItems: lineItems(event, data.lineItems) }],
    stages: [{ ref, stageId: fields.stageId, probabilityBp: probabilityBp(catalog, pipelineRef, fields.stageId) }],
    splits: [],
  };
  return { kind: 'deal', pipeline: pipelineRef, deal, revision: event.revision };
}

function evolve(catalog: PipelineCatalog, doc: DealFactsDocument, event: RecordedEvent): DealFacts {
  const { deal } = doc;
  switch (event.type) {
    case 'AmountChanged': {
      const data = dataOf(event);
      const { expectedAmountMinor } = required(event, { expectedAmountMinor: minor(data.expectedAmountMinor) });
      return { ...deal, amounts: [...deal.amounts, { ref: factRef(event), amountMinor: expectedAmountMinor, lineItems: lineItems(event, data.lineItems) }] };
    }
    case 'StageAdvanced':
    case 'StageOverridden': {
      const { toStageId } = required(event, { toStageId: text(dataOf(event).toStageId) });
      return { ...deal, stages: [...deal.stages, { ref: factRef(event), stageId: toStageId, probabilityBp: probabilityBp(catalog, doc.pipeline, toStageId) }] };
    }
    case 'CreditSplitsSet': {
      const data = dataOf(event);
      return { ...deal, splits: [...deal.splits, { ref: factRef(event), revenue: shares(event, data.revenue), overlay: shares(event, data.overlay ?? []) }] };
    }
    case 'DealClosedWon': {
      const data = dataOf(event);
      const { amountMinor } = required(event, { amountMinor: minor(data.amountMinor) });
      return { ...deal, closedWon: { ref: factRef(event), amountMinor, lineItems: lineItems(event, data.lineItems) } };
    }
    case 'WonAmountCorrected': {
      if (!deal.closedWon) return deal;
      const data = dataOf(event);
      const { amountMinor } = required(event, { amountMinor: minor(data.amountMinor) });
      const correction = { ref: factRef(event), amountMinor, lineItems: lineItems(event, data.lineItems) };
      return { ...deal, closedWon: { ...deal.closedWon, corrections: [...(deal.closedWon.corrections ?? []), correction] } };
    }
    case 'DealClosedLost': return { ...deal, closedLost: { ref: factRef(event) } };
    case 'DealWentLive': return { ...deal, wentLive: { ref: factRef(event) } };
    case 'WonDealReversed': return { ...deal, reversed: { ref: factRef(event) } };
    default: return deal;
  }
}

/** Win probability of a stage in basis points, from the deal's own pipeline version (0 when unknown). */
function probabilityBp(catalog: PipelineCatalog, pipeline: { id: string; version: number }, stageId: string): number {
  const definition = catalog.get(pipeline.id, pipeline.version);
  const stage = definition && stageById(definition, stageId);
  return stage ? Math.round(stage.probability * 10_000) : 0;
}

function lineItems(event: RecordedEvent, value: unknown): LineItem[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new MalformedCommissionEventError(event, 'lineItems is not a list');
  return value.map((item: Data, index) => {
    const productCode = text(item?.productCode);
    const amountMinor = minor(item?.amountMinor);
    const quantity = typeof item?.quantity === 'number' && item.quantity > 0 ? item.quantity : undefined;
    if (productCode === undefined || amountMinor === undefined || quantity === undefined) {
      throw new MalformedCommissionEventError(event, `lineItems[${index}] needs productCode, amountMinor and a positive quantity`);
    }
    return { productCode, amountMinor, quantity };
  });
}

function shares(event: RecordedEvent, value: unknown): CreditShare[] {
  if (!Array.isArray(value)) throw new MalformedCommissionEventError(event, 'credit shares are not a list');
  return value.map((share: Data, index) => {
    const userId = text(share?.userId);
    const role = text(share?.role);
    const shareBp = typeof share?.shareBp === 'number' && Number.isSafeInteger(share.shareBp) && share.shareBp > 0 ? share.shareBp : undefined;
    if (userId === undefined || role === undefined || shareBp === undefined) {
      throw new MalformedCommissionEventError(event, `share ${index} needs userId, role and a positive whole shareBp`);
    }
    return { userId, role: role as CreditShare['role'], shareBp };
  });
}
