/** Where a manager can go to check a fact: an email message id, a meeting id, a document link. */
export type EvidenceKind = 'email' | 'meeting' | 'call' | 'document' | 'calendar' | 'signature' | 'crm' | 'other';

export const EVIDENCE_KINDS: readonly EvidenceKind[] = [
  'email', 'meeting', 'call', 'document', 'calendar', 'signature', 'crm', 'other',
];

export interface Evidence {
  readonly kind: EvidenceKind;
  /** The identifier in the source system, e.g. an RFC 5322 Message-ID or a calendar event id. */
  readonly ref: string;
  readonly url?: string;
  readonly note?: string;
}
