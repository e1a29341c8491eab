import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { PipelineVersionData } from '@deals/domain';
import { Access } from '../../auth/access.decorator';
import { ApiPipelineCommand } from '../../openapi/api-operations';
import { COMMAND, IF_MATCH, JSON_BODY } from '../../openapi/error-codes';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { PipelineCommandHandler } from '../pipeline-command.handler';
import { ApiPipelineId, pipelineIdOf } from '../pipeline-params';
import { PublishPipelineVersionDto } from './publish-pipeline-version.dto';

/** Sales-ops define their pipeline: each change is a new version; deals stay on the version they opened on. */
@ApiTags('pipelines')
@Controller('pipelines')
export class PipelineVersionsController {
  constructor(private readonly commands: PipelineCommandHandler) {}

  @Post(':pipelineId/versions')
  @Access('pipeline:PublishPipelineVersion')
  @ApiPipelineId()
  @ApiPipelineCommand(
    'Publish the next version of a pipeline (sales-ops, admin)',
    JSON_BODY, COMMAND, IF_MATCH,
    { 400: ['PIPELINE.ID_INVALID', 'PIPELINE.INVALID'], 403: ['AUTH.PERMISSION_DENIED'], 409: ['PIPELINE.VERSION_CONFLICT'] },
  )
  publish(@Param('pipelineId') id: string, @Body() b: PublishPipelineVersionDto, @Ctx() ctx: RequestContext) {
    return this.commands.publish(ctx, {
      pipelineId: pipelineIdOf(id), version: b.version, name: b.name, stages: b.stages as unknown as PipelineVersionData['stages'],
      ...(b.postCloseStages === undefined ? {} : { postCloseStages: b.postCloseStages }),
      ...(b.factTypes === undefined ? {} : { factTypes: b.factTypes as unknown as PipelineVersionData['factTypes'] }),
      ...(b.reporting === undefined ? {} : { reporting: b.reporting }),
    });
  }
}
