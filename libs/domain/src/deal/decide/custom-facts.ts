import { checkBuyerFact, factTypeOf, recordedAttributes } from '../../pipeline/custom-fact';
import { copyEvidence } from '../../shared/evidence-check';
import { Evidence } from '../../shared/evidence';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { DealContext } from './deal-context';
import { requireOpen } from './guards';

/** Records a fact of a custom type, checked against the declaration in the deal's own pipeline version. */
export function recordCustomFact(command: DealCommandOf<'RecordBuyerFact'>, context: DealContext): DealEvent[] {
  requireOpen(context, command.type);
  const { factType: name, attributes, evidence } = command.data;
  const factType = typeof name === 'string' ? factTypeOf(context.pipeline, name) : undefined;
  if (!factType) throw DealErrors.factTypeUnknown(String(name), context.pipeline);
  const issues = checkBuyerFact(factType, attributes, evidence);
  if (issues.length > 0) throw DealErrors.factInvalid(factType.name, issues);
  return [{
    type: 'BuyerFactRecorded',
    data: { factType: factType.name, attributes: recordedAttributes(factType, attributes), evidence: copyEvidence(evidence as Evidence) },
  }];
}
