import { Decider } from '../../shared/decider';
import { PipelineErrors } from '../pipeline.errors';
import { PipelineVersionCommand } from './pipeline-version.commands';
import { PipelineVersionEvent } from './pipeline-version.events';
import { definitionOf, publishedOf } from './published-definition';
import { validatePipelineDefinition } from './validate-pipeline-definition';

export interface PipelineVersionState {
  readonly pipelineId?: string;
  /** 0 before the first version. */
  readonly lastVersion: number;
}

export type PipelineVersionDecider = Decider<PipelineVersionState, PipelineVersionCommand, PipelineVersionEvent>;

/**
 * A pipeline is a sequence of versions, never edited: deals stay on the version they opened on.
 * Versions go up by one from 1, so two people cannot publish the same one; every problem with the
 * definition is named at once (PIPELINE.INVALID).
 */
export function decidePipelineVersion(command: PipelineVersionCommand, state: PipelineVersionState): PipelineVersionEvent[] {
  const { data } = command;
  if (state.pipelineId !== undefined && state.pipelineId !== data.pipelineId) throw PipelineErrors.idMismatch(state.pipelineId, data.pipelineId);
  const issues = validatePipelineDefinition(data);
  if (issues.length > 0) throw PipelineErrors.invalid(String(data.pipelineId), data.version, issues);
  if (data.version !== state.lastVersion + 1) throw PipelineErrors.versionConflict(data.pipelineId, data.version, state.lastVersion + 1);
  // Round trip through the definition: only the fields the format knows reach the store.
  return [{ type: 'PipelineVersionPublished', data: publishedOf(definitionOf(data)) }];
}

export function evolvePipelineVersion(state: PipelineVersionState, event: PipelineVersionEvent): PipelineVersionState {
  return event.type === 'PipelineVersionPublished'
    ? { pipelineId: event.data.pipelineId, lastVersion: Math.max(state.lastVersion, event.data.version) }
    : state;
}

export const pipelineVersionDecider: PipelineVersionDecider = {
  decide: decidePipelineVersion,
  evolve: evolvePipelineVersion,
  initialState: () => ({ lastVersion: 0 }),
};
