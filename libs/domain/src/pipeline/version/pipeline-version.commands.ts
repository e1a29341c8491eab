import { Command } from '../../shared/message';
import { PipelineVersionData } from './pipeline-version.events';

/** Versions go up by one from 1; `postCloseStages` and `factTypes` may be left out (none). */
export type PipelineVersionCommand = Command<'PublishPipelineVersion', Omit<PipelineVersionData, 'postCloseStages' | 'factTypes'> & {
  readonly postCloseStages?: PipelineVersionData['postCloseStages'];
  readonly factTypes?: PipelineVersionData['factTypes'];
}>;

export type PipelineVersionCommandType = PipelineVersionCommand['type'];
