import { DomainEvent } from '../../shared/message';
import { ExitCriterion, FactTypeDefinition, ReportingDefaults } from '../pipeline-definition';

/** An open stage as published: the path to the close, in order. */
export interface PublishedStage {
  readonly id: string;
  readonly name: string;
  readonly probability: number;
  readonly stuckAfterDays?: number;
  readonly exitCriteria: readonly ExitCriterion[];
}

/** A step after the close: handed to implementation, implementation in progress, live. */
export interface PublishedPostCloseStage {
  readonly id: string;
  readonly name: string;
  readonly stuckAfterDays?: number;
}

/** One version of a pipeline as sales-ops wrote it; `closed-won` and `closed-lost` come with every version. */
export interface PipelineVersionData {
  readonly pipelineId: string;
  readonly version: number;
  readonly name: string;
  readonly stages: readonly PublishedStage[];
  readonly postCloseStages: readonly PublishedPostCloseStage[];
  readonly factTypes: readonly FactTypeDefinition[];
  /** The reports' default definitions for this version; absent in versions that state none. */
  readonly reporting?: ReportingDefaults;
}

export type PipelineVersionEvent = DomainEvent<'PipelineVersionPublished', PipelineVersionData>;
