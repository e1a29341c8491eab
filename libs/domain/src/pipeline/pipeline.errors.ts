import { DomainError } from '../shared/domain-error';
import { PipelineIssue } from './validate-pipeline';

export const PipelineErrors = {
  unknown: (id: string, version?: number) =>
    new DomainError('PIPELINE.UNKNOWN', 'invalid',
      version === undefined ? `No pipeline '${id}' is defined.` : `No pipeline '${id}' version ${version} is defined.`,
      version === undefined ? { pipelineId: id } : { pipelineId: id, version }),
  invalid: (id: string, version: number, issues: readonly PipelineIssue[]) =>
    new DomainError('PIPELINE.INVALID', 'invalid',
      `Pipeline '${id}' v${version} is invalid: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}.`,
      { pipelineId: id, version, issues }),
  versionConflict: (id: string, version: number, expected: number) =>
    new DomainError('PIPELINE.VERSION_CONFLICT', 'conflict',
      `Pipeline '${id}' cannot publish version ${version}: the next version is ${expected}.`, { pipelineId: id, version, expectedVersion: expected }),
  idMismatch: (id: string, given: unknown) =>
    new DomainError('PIPELINE.ID_MISMATCH', 'invalid', `This stream holds pipeline '${id}', not ${JSON.stringify(given)}.`, { pipelineId: id, given }),
  duplicate: (id: string, version: number) =>
    new DomainError('PIPELINE.DUPLICATE', 'invalid', `Pipeline '${id}' version ${version} is defined twice.`,
      { pipelineId: id, version }),
};
