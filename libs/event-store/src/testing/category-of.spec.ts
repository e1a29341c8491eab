import { categoryOf } from './category-of';

describe('categoryOf', () => {
  it.each([
    ['deal-42', 'deal'],
    ['deal-7-b', 'deal'],
    ['deal', 'deal'],
    ['-x', ''],
  ])('%s is in category %p', (streamId, category) => {
    expect(categoryOf(streamId)).toBe(category);
  });
});
