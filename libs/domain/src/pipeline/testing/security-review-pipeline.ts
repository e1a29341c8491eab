import { DEFAULT_PIPELINE } from '../default-pipeline';
import { FactTypeDefinition } from '../pipeline-definition';
import { PipelineVersionCommand } from '../version/pipeline-version.commands';
import { publishedOf } from '../version/published-definition';

/** The buyer's signed security questionnaire: who signed, when, and how it came out. */
export const SECURITY_QUESTIONNAIRE: FactTypeDefinition = {
  name: 'security-questionnaire-signed',
  label: 'Security questionnaire signed by the buyer',
  attributes: [
    { name: 'signedBy', type: 'string', required: true },
    { name: 'signedOn', type: 'date', required: true },
    { name: 'outcome', type: 'enum', values: ['passed', 'passed-with-conditions'], required: true },
    { name: 'questionnaireUrl', type: 'url', required: false },
  ],
  evidenceKinds: ['signature', 'document'],
};

const v1 = publishedOf(DEFAULT_PIPELINE);

/**
 * Version 2 of the default pipeline as sales-ops would write it: after Qualified the buyer's
 * security team must have passed us, evidenced by the questionnaire the buyer signed.
 */
export const SECURITY_REVIEW_V2: PipelineVersionCommand['data'] = {
  ...v1,
  version: 2,
  name: 'Buyer-centric with security review',
  stages: [
    ...v1.stages.slice(0, 2),
    {
      id: 'security-review-passed', name: 'Security review passed', probability: 0.3, stuckAfterDays: 21,
      exitCriteria: [{
        id: 'security-questionnaire-signed', label: 'Security questionnaire signed by the buyer',
        buyerOutcome: 'The buyer\'s security team signed off our questionnaire',
        requires: { fact: 'security-questionnaire-signed', has: ['signedBy'] },
      }],
    },
    ...v1.stages.slice(2),
  ],
  factTypes: [SECURITY_QUESTIONNAIRE],
};
