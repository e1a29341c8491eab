import fc from 'fast-check';
import { DomainError } from '../../shared/domain-error';
import { parseInstant } from '../../shared/time';
import { FactRef } from './facts';
import { recordedBy } from './known-at';

const ref = (recordedAt: string): FactRef => ({ eventId: 'e', position: 1, type: 'T', streamId: 's', occurredAt: recordedAt, recordedAt });
const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** One instant written as the projection stores it, without milliseconds, or with an offset. */
const written = (ms: number, form: 'canonical' | 'seconds' | 'offset', offsetMinutes: number) => {
  const iso = new Date(ms).toISOString();
  if (form === 'canonical') return iso;
  if (form === 'seconds') return `${iso.slice(0, 19)}Z`;
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
};
const instant = fc.tuple(
  fc.integer({ min: Date.parse('2025-12-31T00:00:00Z'), max: Date.parse('2026-01-02T00:00:00Z') }),
  fc.constantFrom('canonical' as const, 'seconds' as const, 'offset' as const),
  fc.integer({ min: -12 * 60, max: 14 * 60 }),
).map(([ms, form, offset]) => written(form === 'seconds' ? ms - (ms % 1000) : ms, form, offset));

describe('recordedBy: was a fact recorded by a moment', () => {
  it('answers as comparing the parsed instants, whichever way either time is written', () => {
    fc.assert(fc.property(instant, instant, (recordedAt, moment) => {
      expect(recordedBy(moment)(ref(recordedAt))).toBe(parseInstant(recordedAt) <= parseInstant(moment));
    }), { numRuns: 2000 });
  });

  it('counts a fact recorded at the very moment, and not one a millisecond later', () => {
    const known = recordedBy('2026-03-31T23:59:59.999Z');
    expect([known(ref('2026-03-31T23:59:59.999Z')), known(ref('2026-04-01T00:00:00.000Z')), known(ref('2026-04-01T01:59:59.999+02:00'))]).toStrictEqual([true, false, true]);
  });

  it('still refuses a recorded time or a moment that is not a time', () => {
    const code = (run: () => unknown) => { try { run(); } catch (error) { return (error as DomainError).code; } return 'no error'; };
    expect(code(() => recordedBy('2026-03-31T23:59:59.999Z')(ref('2026-02-30')))).toBe('TIME.INVALID');
    expect(code(() => recordedBy('yesterday'))).toBe('TIME.INVALID');
  });
});
