import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Param } from '@nestjs/common';
import { Access } from '../../auth/access.decorator';
import { ApiRead } from '../../openapi/api-operations';
import { mergeErrorCodes } from '../../openapi/api-errors';
import { AUTHENTICATED, DOOR } from '../../openapi/error-codes';
import { PipelineSummarySchema, PipelineVersionSchema } from '../answers/pipeline-definition.schema';
import { presentVersion } from '../answers/pipeline.answer';
import { LivePipelineCatalog } from '../live-pipeline-catalog';
import { ApiPipelineId, pipelineIdOf, pipelineNotFound, versionOf } from '../pipeline-params';

const READ = mergeErrorCodes(AUTHENTICATED, DOOR);

/** Pipeline definitions as published, from this process's catalog (kept current from the store). */
@ApiTags('pipelines')
@Controller('pipelines')
export class PipelinesController {
  constructor(private readonly catalog: LivePipelineCatalog) {}

  @Get()
  @Access('pipeline:read')
  @ApiRead('Every pipeline with its latest version', [PipelineSummarySchema], READ)
  list(): PipelineSummarySchema[] {
    const defaultId = this.catalog.default.id;
    return this.catalog.pipelineIds().map((pipelineId) => {
      const versions = this.catalog.versionsOf(pipelineId);
      const latest = versions[versions.length - 1].published;
      return { pipelineId, name: latest.name, latestVersion: latest.version, versions: versions.length, isDefault: pipelineId === defaultId };
    });
  }

  @Get(':pipelineId/versions')
  @Access('pipeline:read')
  @ApiPipelineId()
  @ApiRead('Every version of a pipeline, oldest first', [PipelineVersionSchema], READ, { 400: ['PIPELINE.ID_INVALID'], 404: ['PIPELINE.NOT_FOUND'] })
  versions(@Param('pipelineId') id: string): PipelineVersionSchema[] {
    const versions = this.catalog.versionsOf(pipelineIdOf(id));
    if (versions.length === 0) throw pipelineNotFound(id);
    return versions.map(presentVersion);
  }

  @Get(':pipelineId/versions/:version')
  @Access('pipeline:read')
  @ApiPipelineId()
  @ApiParam({ name: 'version', schema: { type: 'integer', minimum: 1 } })
  @ApiRead('One version of a pipeline', PipelineVersionSchema, READ, { 400: ['PIPELINE.ID_INVALID', 'PIPELINE.VERSION_INVALID'], 404: ['PIPELINE.NOT_FOUND'] })
  version(@Param('pipelineId') id: string, @Param('version') version: string): PipelineVersionSchema {
    const found = this.catalog.version(pipelineIdOf(id), versionOf(version));
    if (!found) throw pipelineNotFound(id, Number(version));
    return presentVersion(found);
  }
}
