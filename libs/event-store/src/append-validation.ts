import { InvalidAppendError } from './event-store.errors';
import { EventToAppend } from './event-store.port';
import { isExpectedRevision } from './expected-revision';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event checked and reduced to plain JSON, so what is hashed is exactly what is read back. */
export interface ValidEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  /** `data` as JSON text, as checked (what a store writes without serialising it again). */
  readonly dataJson: string;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/**
 * Checks an append before it is queued, so a bad append fails alone and never inside a
 * batch. Event ids are UUIDs (as EventStoreDB requires), compared in lower case.
 */
export function validateAppend(
  streamId: unknown,
  events: readonly EventToAppend[],
  expectedRevision: unknown,
): ValidEvent[] {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new InvalidAppendError('streamId must be a non-empty string');
  if (!isExpectedRevision(expectedRevision)) {
    throw new InvalidAppendError(`Stream ${streamId}: expectedRevision ${String(expectedRevision)} is not 'any', 'no_stream', 'stream_exists' or a revision >= 0`);
  }
  if (!Array.isArray(events)) throw new InvalidAppendError(`Stream ${streamId}: events must be an array`);
  const seen = new Set<string>();
  return events.map((event) => {
    const valid = validateEvent(streamId, event);
    if (seen.has(valid.eventId)) throw new InvalidAppendError(`Stream ${streamId}: event id ${valid.eventId} appears twice in one append`);
    seen.add(valid.eventId);
    return valid;
  });
}

function validateEvent(streamId: string, event: EventToAppend): ValidEvent {
  const fail = (why: string) => new InvalidAppendError(`Stream ${streamId}: ${why}`);
  if (typeof event?.eventId !== 'string' || !UUID.test(event.eventId)) throw fail(`event id ${String(event?.eventId)} is not a UUID`);
  const eventId = event.eventId.toLowerCase();
  if (typeof event.type !== 'string' || event.type.length === 0) throw fail(`event ${eventId} has no type`);
  const schemaVersion = event.schemaVersion ?? 1;
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) throw fail(`event ${eventId} has schemaVersion ${String(schemaVersion)}, expected an integer >= 1`);
  const metadata = event.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) throw fail(`event ${eventId} metadata must be an object`);
  const plainMetadata = asJson(metadata, () => fail(`event ${eventId} metadata is not JSON-serializable`)).value as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(metadata, 'recordedAt') || 'recordedAt' in plainMetadata) {
    throw fail(`event ${eventId} metadata contains recordedAt, which the store stamps`);
  }
  const data = asJson(event.data, () => fail(`event ${eventId} data is not JSON-serializable`));
  return { eventId, type: event.type, schemaVersion, data: data.value, dataJson: data.text, metadata: plainMetadata };
}

function asJson(value: unknown, fail: () => Error): { text: string; value: unknown } {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    throw fail();
  }
  if (text === undefined) throw fail();
  return { text, value: JSON.parse(text) };
}
