import { LoggedChange } from '@deals/projections';
import { ProjectionHost } from '../projection-host';
import { ChangeSource } from './sse-subscriber';

/** The runner's change log and live changes, narrowed to the named projections. */
export function runnerChangeSource(runner: ProjectionHost, names: readonly string[]): ChangeSource {
  return {
    changesAfter: (afterId, limit) => runner.changesAfter(afterId, names, limit),
    subscribe: (listener: (change: LoggedChange) => void) => {
      const subscription = runner.changes$.subscribe((change) => {
        if (names.includes(change.projection)) listener(change);
      });
      return () => subscription.unsubscribe();
    },
  };
}
