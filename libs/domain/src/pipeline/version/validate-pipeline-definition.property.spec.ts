import fc from 'fast-check';
import { checkBuyerFact } from '../custom-fact';
import { SECURITY_QUESTIONNAIRE, SECURITY_REVIEW_V2 } from '../testing/security-review-pipeline';
import { PipelineVersionCommand } from './pipeline-version.commands';
import { pipelineVersionDecider } from './pipeline-version.decider';
import { DomainError } from '../../shared/domain-error';

const publish = (data: unknown): PipelineVersionCommand => ({
  type: 'PublishPipelineVersion', data: data as PipelineVersionCommand['data'],
  metadata: { commandId: 'c', actor: { id: 'sol', roles: ['sales-ops'] }, now: '2026-03-20T12:00:00.000Z' },
});

/** Any JSON in place of a part of a valid version. */
const mangled = fc.tuple(
  fc.constantFrom('stages', 'postCloseStages', 'factTypes'),
  fc.nat(8), fc.constantFrom('id', 'exitCriteria', 'requires', 'attributes', 'evidenceKinds', 'probability', 'where', 'has', 'allOf'),
  fc.jsonValue(),
);

describe('publishing whatever is sent', () => {
  it('answers a version or a domain error naming the problems, never anything else', () => {
    fc.assert(fc.property(mangled, ([list, index, field, value]) => {
      const draft = JSON.parse(JSON.stringify(SECURITY_REVIEW_V2)) as Record<string, unknown[]>;
      const items = draft[list] ?? [];
      const target = items[index % Math.max(items.length, 1)];
      if (target !== null && typeof target === 'object') {
        const criterion = (target as { exitCriteria?: { requires: Record<string, unknown> }[] }).exitCriteria?.[0];
        if (['where', 'has', 'allOf'].includes(field) && criterion) criterion.requires[field] = value;
        else (target as Record<string, unknown>)[field] = value;
      } else items[0] = value;
      try {
        pipelineVersionDecider.decide(publish(draft), { pipelineId: 'default', lastVersion: 1 });
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
      }
    }), { numRuns: 300 });
  });

  it('checks any attributes and evidence of a custom fact without failing', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (attributes, evidence) => {
      expect(Array.isArray(checkBuyerFact(SECURITY_QUESTIONNAIRE, attributes, evidence))).toBe(true);
    }), { numRuns: 300 });
  });
});
