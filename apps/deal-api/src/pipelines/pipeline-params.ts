import { ApiParam } from '@nestjs/swagger';
import { DomainError, PIPELINE_ID } from '@deals/domain';

export const ApiPipelineId = () =>
  ApiParam({ name: 'pipelineId', description: 'The pipeline\'s id, e.g. `default`.', schema: { type: 'string', pattern: PIPELINE_ID.source } });

export function pipelineIdOf(value: string): string {
  if (!PIPELINE_ID.test(value)) throw new DomainError('PIPELINE.ID_INVALID', 'invalid', 'pipelineId must be 1-100 of A-Z a-z 0-9 . _ -', { pipelineId: value });
  return value;
}

export function versionOf(value: string): number {
  const version = /^[1-9]\d{0,8}$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(version)) throw new DomainError('PIPELINE.VERSION_INVALID', 'invalid', `version must be a whole number from 1; got "${value}"`, { version: value });
  return version;
}

export const pipelineNotFound = (pipelineId: string, version?: number) =>
  new DomainError('PIPELINE.NOT_FOUND', 'not_found',
    version === undefined ? `No pipeline '${pipelineId}' is published.` : `Pipeline '${pipelineId}' has no version ${version}.`,
    version === undefined ? { pipelineId } : { pipelineId, version });
