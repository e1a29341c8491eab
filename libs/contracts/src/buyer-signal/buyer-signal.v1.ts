/**
 * `buyer-signal.v1`: something a buyer did, seen by an email, calendar or meeting integration,
 * sent to the engine on the `buyer-signals` topic. The engine records it as the matching deal
 * fact, acting as `integration:<source>`. Fields this version does not know are ignored, so a
 * producer may add optional fields without a new version.
 */
export const BUYER_SIGNAL_V1 = 'buyer-signal.v1' as const;

export const BUYER_SIGNAL_KINDS = ['recap-confirmed', 'meeting-held', 'buyer-replied'] as const;
export type BuyerSignalKind = (typeof BUYER_SIGNAL_KINDS)[number];

/** The evidence kinds a signal may carry (the deal events' evidence kinds). */
export const SIGNAL_EVIDENCE_KINDS = ['email', 'meeting', 'call', 'document', 'calendar', 'signature', 'crm', 'other'] as const;
export type SignalEvidenceKind = (typeof SIGNAL_EVIDENCE_KINDS)[number];

export interface SignalEvidence {
  readonly kind: SignalEvidenceKind;
  /** The identifier in the source system, e.g. the buyer's email Message-ID. Never blank. */
  readonly ref: string;
  readonly url?: string;
}

interface BuyerSignalFields {
  readonly schema: typeof BUYER_SIGNAL_V1;
  /** Unique per signal at its source; a re-delivered signal records nothing new. */
  readonly signalId: string;
  /** The sending system, e.g. `email-sync`; the engine acts as `integration:<source>`. */
  readonly source: string;
  readonly dealId: string;
  /** When the buyer did it (ISO-8601 with a zone). */
  readonly occurredAt: string;
  readonly evidence: SignalEvidence;
}

export type BuyerSignalV1 =
  /** The buyer replied to the rep's recap email confirming it; `evidence` is that reply. */
  | (BuyerSignalFields & { readonly kind: 'recap-confirmed' })
  /** The buyer replied to first contact. */
  | (BuyerSignalFields & { readonly kind: 'buyer-replied' })
  /** A demo meeting took place; it meets the exit criterion only if attended and questions were answered. */
  | (BuyerSignalFields & { readonly kind: 'meeting-held'; readonly attended: boolean; readonly questionsAnswered: boolean });

/** Why a message is not a signal the engine can read. */
export type UnreadableSignalCode = 'SIGNAL.NOT_JSON' | 'SIGNAL.SCHEMA_UNKNOWN' | 'SIGNAL.INVALID';

export type ParsedBuyerSignal =
  | { readonly ok: true; readonly signal: BuyerSignalV1 }
  | { readonly ok: false; readonly code: UnreadableSignalCode; readonly reason: string };
