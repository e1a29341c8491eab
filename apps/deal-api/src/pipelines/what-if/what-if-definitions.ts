import { definitionOf, DomainError, PipelineDefinition, PipelineErrors, PipelineVersionData, validatePipelineDefinition } from '@deals/domain';
import { LivePipelineCatalog } from '../live-pipeline-catalog';
import { pipelineNotFound } from '../pipeline-params';
import { WhatIfDto } from './what-if.dto';

/** The baseline (a published version) and the candidate (a published version, or a draft with no problem). */
export function whatIfDefinitions(catalog: LivePipelineCatalog, pipelineId: string, body: WhatIfDto): [PipelineDefinition, PipelineDefinition] {
  if (catalog.versionsOf(pipelineId).length === 0) throw pipelineNotFound(pipelineId);
  const published = (version: number) => {
    const found = catalog.version(pipelineId, version)?.definition;
    if (!found) throw pipelineNotFound(pipelineId, version);
    return found;
  };
  const { version, definition } = body.candidate;
  if ((version === undefined) === (definition === undefined)) {
    throw new DomainError('PIPELINE.CANDIDATE_INVALID', 'invalid', 'candidate must be either { version } or { definition }, not both nor neither.', { candidate: Object.keys(body.candidate) });
  }
  const baseline = published(body.baselineVersion);
  if (version !== undefined) return [baseline, published(version)];
  const draft = { ...(definition as unknown as Omit<PipelineVersionData, 'pipelineId'>), pipelineId };
  const issues = validatePipelineDefinition(draft);
  if (issues.length > 0) throw PipelineErrors.invalid(pipelineId, draft.version, issues);
  return [baseline, definitionOf(draft)];
}
