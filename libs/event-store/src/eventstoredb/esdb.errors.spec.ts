import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { InvalidAppendError, StoreUnavailableError } from '../event-store.errors';
import { isPermanentSubscriptionError, isUnavailableEsdbError, toStoreError } from './esdb.errors';

describe('toStoreError', () => {
  const grpcError = (code: number) => Object.assign(new Error(`${code} failed`), { code });

  it.each([
    ['UnavailableError', new UnavailableError()],
    ['DeadlineExceededError', new DeadlineExceededError()],
    ['CancelledError (by the server)', new CancelledError()],
    ['a raw gRPC UNAVAILABLE', grpcError(14)],
    ['a raw gRPC DEADLINE_EXCEEDED', grpcError(4)],
    ['a failed cluster discovery', new Error('Failed to discover after 10 attempts.')],
  ])('maps %s to StoreUnavailableError, keeping the cause', (_, cause) => {
    expect(isUnavailableEsdbError(cause)).toBe(true);
    const mapped = toStoreError(cause, 'appending to deal-1');
    expect(mapped).toBeInstanceOf(StoreUnavailableError);
    expect(mapped).toMatchObject({ code: 'STORE.UNAVAILABLE', cause });
    expect((mapped as Error).message).toContain('appending to deal-1');
  });

  it.each([
    ['WrongExpectedVersionError', new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 1n })],
    ['StreamDeletedError', StreamDeletedError.fromStreamName('s')],
    ['AccessDeniedError', new AccessDeniedError()],
    ['UnknownError', new UnknownError()],
    ['a plain error', new Error('boom')],
    ['a gRPC INVALID_ARGUMENT', grpcError(3)],
  ])('passes %s through', (_, error) => {
    expect(toStoreError(error, 'reading')).toBe(error);
  });

  it('passes StoreUnavailableError itself through', () => {
    const closed = new StoreUnavailableError('closed');
    expect(toStoreError(closed, 'reading')).toBe(closed);
  });

  it("turns an append over the server's size limit into InvalidAppendError", () => {
    const mapped = toStoreError(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576), 'appending to deal-1');
    expect(mapped).toBeInstanceOf(InvalidAppendError);
    expect((mapped as Error).message).toContain('1048576');
  });
});

describe('isPermanentSubscriptionError', () => {
  it('gives up only when retrying cannot help', () => {
    expect(isPermanentSubscriptionError(new AccessDeniedError())).toBe(true);
    for (const transient of [new UnavailableError(), new UnknownError(), new CancelledError(), new Error('reset'), undefined]) {
      expect(isPermanentSubscriptionError(transient)).toBe(false);
    }
  });
});
