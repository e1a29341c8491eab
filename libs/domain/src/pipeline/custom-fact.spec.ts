import { checkBuyerFact, recordedAttributes } from './custom-fact';
import { SECURITY_QUESTIONNAIRE } from './testing/security-review-pipeline';

const signature = { kind: 'signature', ref: 'docusign-8841' };
const valid = { signedBy: 'Kim Lee, CISO', signedOn: '2026-03-18', outcome: 'passed' };

describe('a fact of a custom type', () => {
  it('is accepted with its required attributes of the declared types and evidence of an accepted kind', () => {
    expect(checkBuyerFact(SECURITY_QUESTIONNAIRE, valid, signature)).toStrictEqual([]);
    expect(checkBuyerFact(SECURITY_QUESTIONNAIRE, { ...valid, questionnaireUrl: 'https://trust.acme.example/q/7' }, { kind: 'document', ref: 'q-7' }))
      .toStrictEqual([]);
  });

  it('names every field at fault at once', () => {
    const issues = checkBuyerFact(SECURITY_QUESTIONNAIRE,
      { signedOn: 'yesterday', outcome: 'failed', questionnaireUrl: 'ftp://x', reviewer: 'Sam' },
      { kind: 'email', ref: ' ' });
    expect(issues).toStrictEqual([
      { path: 'attributes.signedBy', message: 'is required' },
      { path: 'attributes.signedOn', message: 'must be a date (YYYY-MM-DD) or an ISO-8601 timestamp' },
      { path: 'attributes.outcome', message: 'must be one of passed, passed-with-conditions' },
      { path: 'attributes.questionnaireUrl', message: 'must be an http(s) URL' },
      { path: 'attributes.reviewer', message: "is not an attribute of 'security-questionnaire-signed' (it has signedBy, signedOn, outcome, questionnaireUrl)" },
      { path: 'evidence.kind', message: 'must be one of signature, document for \'security-questionnaire-signed\'; got "email"' },
      { path: 'evidence.ref', message: 'must not be blank' },
    ]);
  });

  it('checks numbers and booleans by type, and needs evidence', () => {
    const typed = { ...SECURITY_QUESTIONNAIRE, attributes: [
      { name: 'score', type: 'number' as const, required: true }, { name: 'onSite', type: 'boolean' as const, required: false },
    ] };
    expect(checkBuyerFact(typed, { score: '9', onSite: 'yes' }, undefined).map((issue) => issue.path))
      .toStrictEqual(['attributes.score', 'attributes.onSite', 'evidence']);
    expect(checkBuyerFact(typed, { score: 9, onSite: false }, signature)).toStrictEqual([]);
  });

  it('refuses text longer than an evidence note', () => {
    expect(checkBuyerFact(SECURITY_QUESTIONNAIRE, { ...valid, signedBy: 'x'.repeat(2001) }, signature))
      .toStrictEqual([{ path: 'attributes.signedBy', message: 'must be at most 2000 characters' }]);
  });

  it('records only the declared attributes that have a value, in declaration order', () => {
    expect(recordedAttributes(SECURITY_QUESTIONNAIRE, { outcome: 'passed', questionnaireUrl: '', signedBy: 'Kim' }))
      .toStrictEqual({ signedBy: 'Kim', outcome: 'passed' });
  });
});
