import {
  BUYER_SIGNAL_KINDS,
  BUYER_SIGNAL_V1,
  BuyerSignalKind,
  BuyerSignalV1,
  ParsedBuyerSignal,
  SIGNAL_EVIDENCE_KINDS,
  SignalEvidence,
  SignalEvidenceKind,
} from './buyer-signal.v1';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SOURCE = /^[a-z0-9][a-z0-9._-]{0,62}$/;
// A zone is required: without one the instant would depend on the reader's machine.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_ID = 200;
const MAX_REF = 1000;
const MAX_URL = 2000;

type Fields = Record<string, unknown>;

/**
 * Reads a message body as a `buyer-signal.v1`. Returns the signal with only the fields this
 * version knows, or why it cannot be read: every problem found, so a producer can fix them at once.
 */
export function parseBuyerSignal(body: string): ParsedBuyerSignal {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return { ok: false, code: 'SIGNAL.NOT_JSON', reason: `the message is not JSON: ${(error as Error).message}` };
  }
  if (!isObject(value)) return { ok: false, code: 'SIGNAL.INVALID', reason: 'the message must be a JSON object' };
  if (value.schema !== BUYER_SIGNAL_V1) {
    return { ok: false, code: 'SIGNAL.SCHEMA_UNKNOWN', reason: `schema must be "${BUYER_SIGNAL_V1}", got ${describe(value.schema)}` };
  }
  const problems: string[] = [];
  const text = (field: string, max: number): string => {
    const v = value[field];
    if (typeof v !== 'string' || v.trim() === '') problems.push(`${field} must be a non-blank string`);
    else if (v.length > max) problems.push(`${field} must be at most ${max} characters`);
    return v as string;
  };
  const signalId = text('signalId', MAX_ID);
  const source = value.source;
  if (typeof source !== 'string' || !SOURCE.test(source)) {
    problems.push(`source must be 1-63 of a-z 0-9 . _ - starting with a letter or digit, got ${describe(source)}`);
  }
  const kind = value.kind;
  if (!BUYER_SIGNAL_KINDS.includes(kind as BuyerSignalKind)) {
    problems.push(`kind must be one of ${BUYER_SIGNAL_KINDS.join(', ')}, got ${describe(kind)}`);
  }
  const dealId = value.dealId;
  if (typeof dealId !== 'string' || !UUID.test(dealId)) problems.push(`dealId must be a UUID, got ${describe(dealId)}`);
  const occurredAt = value.occurredAt;
  if (typeof occurredAt !== 'string' || !INSTANT.test(occurredAt) || Number.isNaN(Date.parse(occurredAt))) {
    problems.push(`occurredAt must be an ISO-8601 instant with a zone, got ${describe(occurredAt)}`);
  }
  const evidence = readEvidence(value.evidence, problems);
  const meeting: Fields = {};
  if (kind === 'meeting-held') {
    for (const flag of ['attended', 'questionsAnswered']) {
      if (typeof value[flag] !== 'boolean') problems.push(`${flag} must be true or false for a meeting-held signal`);
      meeting[flag] = value[flag];
    }
  }
  if (problems.length > 0) return { ok: false, code: 'SIGNAL.INVALID', reason: problems.join('; ') };
  const signal = {
    schema: BUYER_SIGNAL_V1,
    signalId,
    source,
    kind,
    dealId: (dealId as string).toLowerCase(),
    occurredAt,
    evidence,
    ...meeting,
  } as BuyerSignalV1;
  return { ok: true, signal };
}

function readEvidence(value: unknown, problems: string[]): SignalEvidence {
  if (!isObject(value)) {
    problems.push('evidence must be an object {kind, ref, url?}');
    return undefined as unknown as SignalEvidence;
  }
  const { kind, ref, url } = value;
  if (!SIGNAL_EVIDENCE_KINDS.includes(kind as SignalEvidenceKind)) {
    problems.push(`evidence.kind must be one of ${SIGNAL_EVIDENCE_KINDS.join(', ')}, got ${describe(kind)}`);
  }
  if (typeof ref !== 'string' || ref.trim() === '') problems.push('evidence.ref must be a non-blank string');
  else if (ref.length > MAX_REF) problems.push(`evidence.ref must be at most ${MAX_REF} characters`);
  if (url !== undefined && (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url) || url.length > MAX_URL)) {
    problems.push(`evidence.url must be an http(s) URL of at most ${MAX_URL} characters`);
  }
  return { kind, ref, ...(url === undefined ? {} : { url }) } as SignalEvidence;
}

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
