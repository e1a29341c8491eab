import { Evidence } from '../shared/evidence';
import { FactName, FactPredicate, FactValue } from './pipeline-definition';
import { RecordedFacts } from './recorded-fact';

/**
 * The evidence that satisfies `predicate`, or `undefined` when it is not satisfied.
 * allOf needs every branch (an empty allOf is vacuously true); anyOf needs one and collects
 * the evidence of every satisfied branch (an empty anyOf is false).
 */
export function satisfyPredicate(predicate: FactPredicate, facts: RecordedFacts): readonly Evidence[] | undefined {
  if ('allOf' in predicate) {
    const parts = predicate.allOf.map((branch) => satisfyPredicate(branch, facts));
    return parts.every((part) => part !== undefined) ? dedupe(parts.flat() as Evidence[]) : undefined;
  }
  if ('anyOf' in predicate) {
    const parts = predicate.anyOf.map((branch) => satisfyPredicate(branch, facts)).filter((part) => part !== undefined);
    return parts.length > 0 ? dedupe(parts.flat()) : undefined;
  }
  const fact = facts[predicate.fact];
  if (!fact) return undefined;
  const where = predicate.where ?? {};
  const matches = Object.entries(where).every(([field, expected]) => fact.data[field] === expected);
  const present = (predicate.has ?? []).every((field) => isPresent(fact.data[field]));
  return matches && present ? [fact.evidence] : undefined;
}

export function predicateHolds(predicate: FactPredicate, facts: RecordedFacts): boolean {
  return satisfyPredicate(predicate, facts) !== undefined;
}

/** Every fact key a predicate mentions, for validation and documentation. */
export function factKeysOf(predicate: FactPredicate): readonly FactName[] {
  if ('allOf' in predicate) return predicate.allOf.flatMap(factKeysOf);
  if ('anyOf' in predicate) return predicate.anyOf.flatMap(factKeysOf);
  return [predicate.fact];
}

export const fact = (key: FactName, where?: Readonly<Record<string, FactValue>>): FactPredicate =>
  where ? { fact: key, where } : { fact: key };
/** A fact recorded with each of these attributes (e.g. `factWith('security-questionnaire-signed', 'signedBy')`). */
export const factWith = (key: FactName, ...has: string[]): FactPredicate => ({ fact: key, has });

const isPresent = (value: unknown) => value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
export const allOf = (...predicates: FactPredicate[]): FactPredicate => ({ allOf: predicates });
export const anyOf = (...predicates: FactPredicate[]): FactPredicate => ({ anyOf: predicates });

function dedupe(evidence: readonly Evidence[]): readonly Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((item) => {
    const key = `${item.kind}\u0000${item.ref}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
