import { buildAllQuery, globPrefix } from './sqlite-read-query';

describe('globPrefix', () => {
  it('escapes GLOB wildcards so a prefix matches literally', () => {
    expect(globPrefix('deal-')).toBe('deal-*');
    expect(globPrefix('a*b?c[d]')).toBe('a[*]b[?]c[[]d]*');
  });
});

describe('buildAllQuery', () => {
  it('reads forwards after a position, filtered by prefixes and types, with no limit by default', () => {
    const { sql, params } = buildAllQuery({ direction: 'forwards', after: 5, filter: { streamPrefixes: ['a-', 'b-'], eventTypes: ['T'] } });
    expect(sql).toMatch(/WHERE position > \? AND \(stream_id GLOB \? OR stream_id GLOB \?\) AND type IN \(\?\) ORDER BY position ASC LIMIT \?$/);
    expect(params).toEqual([5, 'a-*', 'b-*', 'T', -1]);
  });

  it('reads backwards before a position, bounded above and limited', () => {
    const { sql, params } = buildAllQuery({ direction: 'backwards', after: 9, upTo: 20, maxCount: 3 });
    expect(sql).toMatch(/WHERE position < \? AND position <= \? ORDER BY position DESC LIMIT \?$/);
    expect(params).toEqual([9, 20, 3]);
  });

  it('pages through a stream-prefix filter in position order, not by the stream index', () => {
    const { sql, params } = buildAllQuery({ direction: 'forwards', after: 5, maxCount: 500, filter: { streamPrefixes: ['deal-'] } });
    expect(sql).toMatch(/WHERE position > \? AND \(\+stream_id GLOB \?\) ORDER BY position ASC LIMIT \?$/);
    expect(params).toEqual([5, 'deal-*', 500]);
  });

  it('treats empty filter lists as no filter', () => {
    expect(buildAllQuery({ direction: 'forwards', filter: { streamPrefixes: [], eventTypes: [] } }).sql).not.toMatch(/WHERE/);
  });
});
