import { StoreUnavailableError } from '../event-store.errors';
import { toStoreError } from './sqlite.errors';

const sqliteError = (code: string) => Object.assign(new Error(`failed: ${code}`), { code });

describe('toStoreError', () => {
  it.each(['SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_IOERR_FSYNC', 'SQLITE_CANTOPEN', 'SQLITE_BUSY'])(
    'maps %s to StoreUnavailableError, keeping the cause',
    (code) => {
      const cause = sqliteError(code);
      const mapped = toStoreError(cause, 'appending');
      expect(mapped).toBeInstanceOf(StoreUnavailableError);
      expect((mapped as StoreUnavailableError).cause).toBe(cause);
    },
  );

  it.each(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'SQLITE_FULLY_MADE_UP'])('passes %s through', (code) => {
    const error = sqliteError(code);
    expect(toStoreError(error, 'appending')).toBe(error);
  });

  it('passes through errors without a code and StoreUnavailableError itself', () => {
    const plain = new Error('x');
    const unavailable = new StoreUnavailableError('closed');
    expect(toStoreError(plain, 'reading')).toBe(plain);
    expect(toStoreError(unavailable, 'reading')).toBe(unavailable);
  });
});
