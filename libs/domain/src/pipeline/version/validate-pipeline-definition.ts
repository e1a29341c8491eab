import { PipelineIssue, validatePipeline } from '../validate-pipeline';
import { CLOSED_STAGES, definitionOf } from './published-definition';
import { PipelineVersionCommand } from './pipeline-version.commands';
import { PIPELINE_ID } from './pipeline-stream';

type Draft = PipelineVersionCommand['data'];

/**
 * Every problem with a version sales-ops want to publish, by path in what they sent: the shape,
 * the reserved closed stages, then the whole definition (stage ids, probabilities rising from
 * stage to stage, criteria naming facts and attributes that exist, fact types...).
 */
export function validatePipelineDefinition(draft: Draft): readonly PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  const report = (path: string, message: string) => issues.push({ path, message });
  if (typeof draft.pipelineId !== 'string' || !PIPELINE_ID.test(draft.pipelineId)) report('pipelineId', 'must be 1-100 of A-Z a-z 0-9 . _ -');
  const stages = listOrReport(draft.stages, 'stages', report);
  const postClose = draft.postCloseStages === undefined ? [] : listOrReport(draft.postCloseStages, 'postCloseStages', report);
  if (!stages || !postClose) return issues;
  const reserved = new Set(CLOSED_STAGES.map((stage) => stage.id));
  [...stages.map((stage, index) => [stage, `stages[${index}]`] as const), ...postClose.map((stage, index) => [stage, `postCloseStages[${index}]`] as const)]
    .forEach(([stage, at]) => {
      if (stage === null || typeof stage !== 'object') report(at, 'must be a stage { id, name, ... }');
      else if (reserved.has(stage.id)) report(`${at}.id`, `'${stage.id}' is reserved for the closed stage every pipeline has`);
    });
  if (issues.length > 0) return issues;

  const definition = definitionOf({ ...draft, stages, postCloseStages: postClose });
  const firstPostClose = stages.length + CLOSED_STAGES.length;
  for (const issue of validatePipeline(definition)) {
    const match = /^stages\[(\d+)\](.*)$/.exec(issue.path);
    const index = match ? Number(match[1]) : -1;
    if (index >= stages.length && index < firstPostClose) continue;
    const path = match && index >= firstPostClose ? `postCloseStages[${index - firstPostClose}]${match[2]}` : issue.path;
    report(path === 'id' ? 'pipelineId' : path, issue.message);
  }
  return issues;
}

function listOrReport<T>(value: readonly T[] | undefined, path: string, report: (path: string, message: string) => void): readonly T[] | undefined {
  if (Array.isArray(value)) return value;
  report(path, 'must be a list');
  return undefined;
}
