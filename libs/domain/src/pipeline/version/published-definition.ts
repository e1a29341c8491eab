import { ExitCriterion, FactPredicate, PipelineDefinition, StageDefinition } from '../pipeline-definition';
import { PipelineVersionData, PublishedPostCloseStage, PublishedStage } from './pipeline-version.events';

/** Every version closes on these two stages. */
export const CLOSED_STAGES: readonly StageDefinition[] = [
  { id: 'closed-won', name: 'Closed won', phase: 'won', probability: 1, exitCriteria: [] },
  { id: 'closed-lost', name: 'Closed lost', phase: 'lost', probability: 0, exitCriteria: [] },
];

const stuck = (days: number | undefined) => (days === undefined ? {} : { stuckAfterDays: days });
const criterion = (value: ExitCriterion): ExitCriterion => {
  if (value === null || typeof value !== 'object') return value;
  const { id, label, buyerOutcome, requires } = value;
  return { id, label, buyerOutcome, requires: predicate(requires) };
};

/** Only the fields a predicate has (a malformed one is kept as sent, for validation to name). */
function predicate(value: FactPredicate): FactPredicate {
  if (value === null || typeof value !== 'object') return value;
  if ('allOf' in value) return Array.isArray(value.allOf) ? { allOf: value.allOf.map(predicate) } : value;
  if ('anyOf' in value) return Array.isArray(value.anyOf) ? { anyOf: value.anyOf.map(predicate) } : value;
  return {
    fact: value.fact,
    ...(value.where === undefined ? {} : { where: value.where }),
    ...(value.has === undefined ? {} : { has: value.has }),
  };
}

/** The definition a deal follows, from a published version: open stages, the two closed stages, post-close stages. */
export function definitionOf(data: Omit<PipelineVersionData, 'postCloseStages' | 'factTypes'> & Partial<PipelineVersionData>): PipelineDefinition {
  const open = (data.stages ?? []).map((stage): StageDefinition => ({
    id: stage.id, name: stage.name, phase: 'open', probability: stage.probability, ...stuck(stage.stuckAfterDays),
    exitCriteria: Array.isArray(stage.exitCriteria) ? stage.exitCriteria.map(criterion) : stage.exitCriteria,
  }));
  const postClose = (data.postCloseStages ?? []).map((stage): StageDefinition => ({
    id: stage.id, name: stage.name, phase: 'post-close', probability: 1, ...stuck(stage.stuckAfterDays), exitCriteria: [],
  }));
  const factTypes = data.factTypes ?? [];
  return {
    id: data.pipelineId, version: data.version, name: data.name,
    stages: [...open, ...CLOSED_STAGES, ...postClose],
    ...(factTypes.length > 0 ? { factTypes } : {}),
    ...(data.reporting === undefined ? {} : { reporting: data.reporting }),
  };
}

/** The version to publish for a compiled definition (the default pipeline at first start). */
export function publishedOf(definition: PipelineDefinition): PipelineVersionData {
  const open = definition.stages.filter((stage) => stage.phase === 'open');
  const postClose = definition.stages.filter((stage) => stage.phase === 'post-close');
  return {
    pipelineId: definition.id, version: definition.version, name: definition.name,
    stages: open.map((stage): PublishedStage => ({
      id: stage.id, name: stage.name, probability: stage.probability, ...stuck(stage.stuckAfterDays), exitCriteria: stage.exitCriteria,
    })),
    postCloseStages: postClose.map((stage): PublishedPostCloseStage => ({ id: stage.id, name: stage.name, ...stuck(stage.stuckAfterDays) })),
    factTypes: definition.factTypes ?? [],
    ...(definition.reporting === undefined ? {} : { reporting: definition.reporting }),
  };
}
