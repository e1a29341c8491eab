import { PipelineDefinition, StageDefinition } from './pipeline-definition';

export function stageById(pipeline: PipelineDefinition, stageId: string): StageDefinition | undefined {
  return pipeline.stages.find((stage) => stage.id === stageId);
}

export function openStages(pipeline: PipelineDefinition): readonly StageDefinition[] {
  return pipeline.stages.filter((stage) => stage.phase === 'open');
}

/** Where a new deal starts. */
export function firstOpenStage(pipeline: PipelineDefinition): StageDefinition | undefined {
  return openStages(pipeline)[0];
}

/** The stage a deal must be in to close won. */
export function lastOpenStage(pipeline: PipelineDefinition): StageDefinition | undefined {
  const open = openStages(pipeline);
  return open[open.length - 1];
}

/** The open stage after `stageId`; undefined from the last open stage (closing is not advancing). */
export function nextOpenStage(pipeline: PipelineDefinition, stageId: string): StageDefinition | undefined {
  const open = openStages(pipeline);
  const index = open.findIndex((stage) => stage.id === stageId);
  return index >= 0 ? open[index + 1] : undefined;
}

/** Position among the open stages, -1 when `stageId` is not an open stage. */
export function openStageIndex(pipeline: PipelineDefinition, stageId: string): number {
  return openStages(pipeline).findIndex((stage) => stage.id === stageId);
}

export function wonStage(pipeline: PipelineDefinition): StageDefinition | undefined {
  return pipeline.stages.find((stage) => stage.phase === 'won');
}

export function lostStage(pipeline: PipelineDefinition): StageDefinition | undefined {
  return pipeline.stages.find((stage) => stage.phase === 'lost');
}

/** Post-close steps in order: handed to implementation, implementation in progress, live. */
export function postCloseStages(pipeline: PipelineDefinition): readonly StageDefinition[] {
  return pipeline.stages.filter((stage) => stage.phase === 'post-close');
}
