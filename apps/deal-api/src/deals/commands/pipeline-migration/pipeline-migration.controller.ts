import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { ApiDealCommand, ApiDealId } from '../../../openapi/api-operations';
import { DEAL_COMMAND, JSON_BODY, OPEN_DEAL } from '../../../openapi/error-codes';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { DealCommandHandler } from '../deal-command.handler';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { MigrateDealPipelineDto } from './pipeline-migration.dto';

/** One deal moved to a newer version of its pipeline (the pipeline-wide migration does this for every open deal). */
@ApiTags('stages')
@ApiDealId()
@Controller('deals/:dealId/pipeline')
@UseInterceptors(RevisionHeadersInterceptor)
export class PipelineMigrationController {
  constructor(private readonly commands: DealCommandHandler) {}

  @Post('migration')
  @Access('deal:MigrateDealPipeline')
  @ApiDealCommand(
    'Move the deal to a newer version of its pipeline (sales-ops, admin)',
    JSON_BODY, DEAL_COMMAND, OPEN_DEAL,
    { 400: ['PIPELINE.UNKNOWN'], 409: ['DEAL.INVALID_TRANSITION'] },
  )
  migrate(@Param('dealId', DealIdPipe) id: string, @Body() b: MigrateDealPipelineDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'MigrateDealPipeline', { toVersion: b.toVersion });
  }
}
