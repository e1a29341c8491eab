import { pagePath, windowOf } from './paging-model';

describe('long lists', () => {
  it('asks for a page after the parameters the path already has', () => {
    expect([pagePath('/post-close', 0, 1000), pagePath('/pipeline/stuck?pipelineId=default', 1000, 1000)])
      .toEqual(['/post-close?offset=0&limit=1000', '/pipeline/stuck?pipelineId=default&offset=1000&limit=1000']);
  });

  it('shows the first items and says how many are left', () => {
    expect(windowOf([1, 2, 3, 4, 5], 2)).toEqual({ visible: [1, 2], hidden: 3 });
    expect(windowOf([1, 2], 50)).toEqual({ visible: [1, 2], hidden: 0 });
  });
});
