import { apiConfigFromEnv, projectionsThreadFromEnv } from './api-config';

describe('PROJECTIONS_THREAD', () => {
  it('folds on a worker thread unless told `main`, and stops on anything else', () => {
    expect(projectionsThreadFromEnv(undefined)).toBe('main');
    expect(projectionsThreadFromEnv('')).toBe('main');
    expect(projectionsThreadFromEnv('worker')).toBe('worker');
    expect(projectionsThreadFromEnv('main')).toBe('main');
    expect(() => projectionsThreadFromEnv('both')).toThrow('PROJECTIONS_THREAD must be "worker" or "main", got "both"');
    expect(apiConfigFromEnv({ PROJECTIONS_THREAD: 'main' }).projectionsThread).toBe('main');
  });
});
