import { EVENT_TYPE, STREAM_NAME } from '@eventstore/db-client';
import { escapeRegex, exactlyOneOf, matchesFilter, toServerFilter } from './esdb-filter';

describe('toServerFilter', () => {
  it('filters on stream prefixes when there are any, even with event types too', () => {
    expect(toServerFilter({ streamPrefixes: ['deal-', 'team-'], eventTypes: ['DealOpened'] })).toMatchObject({
      filterOn: STREAM_NAME,
      prefixes: ['deal-', 'team-'],
    });
  });

  it('filters on exactly the event types with a regex when there are no prefixes', () => {
    const filter = toServerFilter({ eventTypes: ['DealOpened', 'Deal.Won'] });
    expect(filter).toMatchObject({ filterOn: EVENT_TYPE, regex: '^(?:DealOpened|Deal\\.Won)$' });
  });

  it('keeps system streams out when nothing else is asked for', () => {
    for (const filter of [undefined, {}, { streamPrefixes: [], eventTypes: [] }]) {
      const built = toServerFilter(filter);
      expect(built).toMatchObject({ filterOn: STREAM_NAME, regex: '^[^$]' });
      const regex = new RegExp((built as { regex: string }).regex);
      expect(['deal-1', 'a$b'].every((s) => regex.test(s))).toBe(true);
      expect(['$settings', '$$deal-1', '$stats-127.0.0.1:2113'].some((s) => regex.test(s))).toBe(false);
    }
  });
});

describe('exactlyOneOf', () => {
  it('matches each value exactly and nothing around it, whatever characters it holds', () => {
    const values = ['Deal.Won', 'a+b', '(x)|[y]', 'c$^', 'back\\slash', 'q?{2}*'];
    const regex = new RegExp(exactlyOneOf(values));
    for (const value of values) expect(regex.test(value)).toBe(true);
    for (const other of ['DealXWon', 'Deal.Won2', 'xDeal.Won', 'aab', 'x', 'c', 'back\\slas', 'qq']) expect(regex.test(other)).toBe(false);
  });

  it('escapes every regex metacharacter', () => {
    expect(escapeRegex('a.b*c')).toBe('a\\.b\\*c');
    expect(escapeRegex('plain-Name_1')).toBe('plain-Name_1');
  });
});

describe('matchesFilter', () => {
  const event = { streamId: 'deal-42', type: 'DealOpened' };

  it('keeps everything without a filter', () => {
    expect(matchesFilter(event, undefined)).toBe(true);
    expect(matchesFilter(event, { streamPrefixes: [], eventTypes: [] })).toBe(true);
  });

  it('needs both parts to match when both are given', () => {
    expect(matchesFilter(event, { streamPrefixes: ['deal-'], eventTypes: ['DealOpened'] })).toBe(true);
    expect(matchesFilter(event, { streamPrefixes: ['deal-'], eventTypes: ['DealWon'] })).toBe(false);
    expect(matchesFilter(event, { streamPrefixes: ['team-'], eventTypes: ['DealOpened'] })).toBe(false);
  });

  it('matches prefixes literally and types exactly', () => {
    expect(matchesFilter(event, { streamPrefixes: ['deal-4'] })).toBe(true);
    expect(matchesFilter(event, { streamPrefixes: ['deal.'] })).toBe(false);
    expect(matchesFilter(event, { eventTypes: ['Deal'] })).toBe(false);
  });
});
