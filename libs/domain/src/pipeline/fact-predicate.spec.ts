import { evidence } from '../testing/deal-fixtures';
import { allOf, anyOf, fact, factKeysOf, factWith, predicateHolds, satisfyPredicate } from './fact-predicate';
import { RecordedFacts } from './recorded-fact';

const demo = evidence('meeting', 'demo-1');
const reply = evidence('email', '<reply@acme.example>');
const facts: RecordedFacts = {
  DemoHeld: { data: { attended: true, questionsAnswered: false, evidence: demo }, evidence: demo },
  BuyerResponded: { data: { evidence: reply }, evidence: reply },
};

describe('fact predicates', () => {
  it('a fact holds when recorded, with its evidence', () => {
    expect(satisfyPredicate(fact('BuyerResponded'), facts)).toStrictEqual([reply]);
    expect(satisfyPredicate(fact('MeetingBooked'), facts)).toBeUndefined();
  });

  it('where compares the latest data field by field, strictly', () => {
    expect(predicateHolds(fact('DemoHeld', { attended: true }), facts)).toBe(true);
    expect(predicateHolds(fact('DemoHeld', { attended: true, questionsAnswered: true }), facts)).toBe(false);
    expect(predicateHolds(fact('DemoHeld', { attended: 'true' }), facts)).toBe(false);
  });

  it('allOf needs every branch and collects their evidence', () => {
    expect(satisfyPredicate(allOf(fact('BuyerResponded'), fact('DemoHeld')), facts)).toStrictEqual([reply, demo]);
    expect(satisfyPredicate(allOf(fact('BuyerResponded'), fact('MeetingBooked')), facts)).toBeUndefined();
    expect(satisfyPredicate(allOf(), facts)).toStrictEqual([]);
  });

  it('anyOf needs one branch and collects the evidence of those that hold', () => {
    expect(satisfyPredicate(anyOf(fact('MeetingBooked'), fact('BuyerResponded')), facts)).toStrictEqual([reply]);
    expect(satisfyPredicate(anyOf(fact('MeetingBooked'), fact('TermsAgreed')), facts)).toBeUndefined();
    expect(satisfyPredicate(anyOf(), facts)).toBeUndefined();
  });

  it('nests, and does not repeat the same evidence', () => {
    const nested = anyOf(allOf(fact('DemoHeld', { attended: true }), fact('BuyerResponded')), fact('BuyerResponded'));
    expect(satisfyPredicate(nested, facts)).toStrictEqual([demo, reply]);
    expect(factKeysOf(nested)).toStrictEqual(['DemoHeld', 'BuyerResponded', 'BuyerResponded']);
  });
});

describe('predicates over custom facts', () => {
  const signed = evidence('signature', 'docusign-8841');
  const custom: RecordedFacts = {
    'security-questionnaire-signed': { data: { signedBy: 'Kim Lee', outcome: 'passed', signedOn: ' ' }, evidence: signed },
  };

  it('a custom fact holds like a built-in one, with its evidence', () => {
    expect(satisfyPredicate(fact('security-questionnaire-signed'), custom)).toStrictEqual([signed]);
    expect(satisfyPredicate(fact('pen-test-shared'), custom)).toBeUndefined();
  });

  it('has needs each named attribute present and not blank', () => {
    expect(predicateHolds(factWith('security-questionnaire-signed', 'signedBy'), custom)).toBe(true);
    expect(predicateHolds(factWith('security-questionnaire-signed', 'signedBy', 'signedOn'), custom)).toBe(false);
    expect(predicateHolds(factWith('security-questionnaire-signed', 'questionnaireUrl'), custom)).toBe(false);
  });

  it('where compares attributes, and mixes with built-in facts', () => {
    expect(predicateHolds(fact('security-questionnaire-signed', { outcome: 'passed' }), custom)).toBe(true);
    expect(predicateHolds(fact('security-questionnaire-signed', { outcome: 'passed-with-conditions' }), custom)).toBe(false);
    expect(satisfyPredicate(allOf(fact('BuyerResponded'), factWith('security-questionnaire-signed', 'signedBy')), { ...facts, ...custom }))
      .toStrictEqual([reply, signed]);
  });
});
