import { unionFilter } from './union-filter';

describe('unionFilter', () => {
  it('joins stream prefixes, or event types, without repeats', () => {
    expect(unionFilter([{ streamPrefixes: ['deal-'] }, { streamPrefixes: ['deal-', 'plan-'] }])).toEqual({ streamPrefixes: ['deal-', 'plan-'] });
    expect(unionFilter([{ eventTypes: ['A'] }, { eventTypes: ['B', 'A'] }])).toEqual({ eventTypes: ['A', 'B'] });
  });

  it('is one filter itself', () => {
    const both = { streamPrefixes: ['deal-'], eventTypes: ['DealWon'] };
    expect(unionFilter([both])).toBe(both);
  });

  it('passes every event when one filter passes every event, or the filters cannot be joined', () => {
    expect(unionFilter([{ streamPrefixes: ['deal-'] }, {}])).toBeUndefined();
    expect(unionFilter([{ streamPrefixes: ['deal-'] }, { eventTypes: ['A'] }])).toBeUndefined();
    expect(unionFilter([{ streamPrefixes: ['deal-'], eventTypes: ['A'] }, { streamPrefixes: ['deal-'] }])).toBeUndefined();
  });
});
