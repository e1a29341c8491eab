import { ActivitySpan, AuditMoment } from './audit.document';

type Timed = Pick<AuditMoment, 'occurredAt' | 'recordedAt'>;

/** The span widened to include one more event. */
export function widen(span: ActivitySpan | undefined, at: Timed): ActivitySpan {
  if (!span) {
    return { firstOccurredAt: at.occurredAt, lastOccurredAt: at.occurredAt, firstRecordedAt: at.recordedAt, lastRecordedAt: at.recordedAt };
  }
  return {
    firstOccurredAt: earliest(span.firstOccurredAt, at.occurredAt),
    lastOccurredAt: latest(span.lastOccurredAt, at.occurredAt),
    firstRecordedAt: earliest(span.firstRecordedAt, at.recordedAt),
    lastRecordedAt: latest(span.lastRecordedAt, at.recordedAt),
  };
}

/** The span of some events; undefined for none. */
export function spanOf(events: readonly Timed[]): ActivitySpan | undefined {
  return events.reduce<ActivitySpan | undefined>(widen, undefined);
}

// Instants may carry different offsets, so compare them as instants, not as strings.
const earliest = (a: string, b: string): string => (Date.parse(b) < Date.parse(a) ? b : a);
const latest = (a: string, b: string): string => (Date.parse(b) > Date.parse(a) ? b : a);
