import { CommonErrors } from './common.errors';
import { EVIDENCE_KINDS, Evidence } from './evidence';
import { isBlank } from './text';

/** A fact without something a manager can open is an opinion; refuse it. */
export function requireEvidence(evidence: Evidence | undefined, field = 'evidence'): Evidence {
  if (!evidence || isBlank(evidence.ref)) throw CommonErrors.evidenceMissing(field);
  if (!EVIDENCE_KINDS.includes(evidence.kind)) {
    throw CommonErrors.evidenceKindUnknown(field, evidence.kind, EVIDENCE_KINDS);
  }
  return evidence;
}


/** Copies only the fields the evidence schema knows, so stray request fields never reach the store. */
export function copyEvidence(evidence: Evidence): Evidence {
  return {
    kind: evidence.kind,
    ref: evidence.ref,
    ...(evidence.url === undefined ? {} : { url: evidence.url }),
    ...(evidence.note === undefined ? {} : { note: evidence.note }),
  };
}

/** Checks and copies evidence that may be absent. */
export function optionalEvidence(evidence: Evidence | undefined, field = 'evidence'): { evidence?: Evidence } {
  return evidence === undefined ? {} : { evidence: copyEvidence(requireEvidence(evidence, field)) };
}
