import { DomainError } from './domain-error';
import { CommandMetadata } from './message';
import { daysBetween, parseInstant, parseInstantOrDate, requireNotBefore, resolveOccurredAt } from './time';

const NOW = '2026-03-20T12:00:00Z';
const metadata = (occurredAt?: string): CommandMetadata => ({
  commandId: 'c1', actor: { id: 'ana', roles: ['rep'] }, now: NOW, ...(occurredAt ? { occurredAt } : {}),
});
const codeOf = (run: () => unknown) => {
  try { run(); } catch (error) { return (error as DomainError).code; }
  return 'no error';
};

describe('resolveOccurredAt', () => {
  it('defaults to now', () => {
    expect(resolveOccurredAt(metadata())).toBe(NOW);
  });

  it('accepts a backdated time ("the demo was yesterday")', () => {
    expect(resolveOccurredAt(metadata('2026-03-19T15:00:00Z'))).toBe('2026-03-19T15:00:00Z');
  });

  it('tolerates five minutes of clock skew and no more', () => {
    expect(resolveOccurredAt(metadata('2026-03-20T12:05:00Z'))).toBe('2026-03-20T12:05:00Z');
    expect(codeOf(() => resolveOccurredAt(metadata('2026-03-20T12:05:00.001Z')))).toBe('TIME.OCCURRED_IN_FUTURE');
  });

  it('compares instants, not strings, across time zones', () => {
    expect(resolveOccurredAt(metadata('2026-03-20T13:04:00+01:00'))).toBe('2026-03-20T13:04:00+01:00');
    expect(codeOf(() => resolveOccurredAt(metadata('2026-03-20T13:06:00+01:00')))).toBe('TIME.OCCURRED_IN_FUTURE');
  });

  it('refuses a time before the lower bound', () => {
    const opened = { at: '2026-03-01T09:00:00Z', label: 'opening of the deal' };
    expect(resolveOccurredAt(metadata('2026-03-01T09:00:00Z'), opened)).toBe('2026-03-01T09:00:00Z');
    expect(codeOf(() => resolveOccurredAt(metadata('2026-03-01T08:59:59Z'), opened))).toBe('TIME.OCCURRED_BEFORE_OPEN');
    expect(codeOf(() => requireNotBefore('2026-03-01T08:00:00Z', { ...opened, code: 'TIME.OCCURRED_BEFORE_STAGE_ENTERED' })))
      .toBe('TIME.OCCURRED_BEFORE_STAGE_ENTERED');
  });

  it.each(['yesterday', '2026-03-20', '2026-03-20T12:00:00', '2026-02-30T12:00:00Zx'])('rejects %p as TIME.INVALID', (value) => {
    expect(codeOf(() => resolveOccurredAt(metadata(value)))).toBe('TIME.INVALID');
  });
});

describe('time parsing', () => {
  it('needs an explicit zone for instants, so results do not depend on the machine', () => {
    expect(parseInstant('2026-03-20T12:00:00Z')).toBe(Date.UTC(2026, 2, 20, 12));
    expect(codeOf(() => parseInstant('2026-03-20T12:00:00'))).toBe('TIME.INVALID');
  });

  it('accepts calendar dates where a date is meant, and rejects impossible ones', () => {
    expect(parseInstantOrDate('2026-03-31')).toBe(Date.UTC(2026, 2, 31));
    expect(codeOf(() => parseInstantOrDate('2026-02-30'))).toBe('TIME.INVALID');
  });

  it('measures days between instants', () => {
    expect(daysBetween('2026-03-01T00:00:00Z', '2026-03-15T12:00:00Z')).toBe(14.5);
  });
});
