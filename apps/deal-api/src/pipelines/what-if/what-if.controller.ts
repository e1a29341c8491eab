import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { replayWhatIf } from '@deals/projections';
import { Access } from '../../auth/access.decorator';
import { ApiRead } from '../../openapi/api-operations';
import { AUTHENTICATED, JSON_BODY } from '../../openapi/error-codes';
import { LivePipelineCatalog } from '../live-pipeline-catalog';
import { ApiPipelineId, pipelineIdOf } from '../pipeline-params';
import { WhatIfSchema } from './what-if.answer';
import { WhatIfDto } from './what-if.dto';
import { whatIfDefinitions } from './what-if-definitions';

/** Sales-ops compare two definitions of a pipeline over the same recorded history; nothing is written. */
@ApiTags('pipelines')
@Controller('pipelines/:pipelineId/what-if')
export class WhatIfController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly catalog: LivePipelineCatalog) {}

  @Post()
  @HttpCode(200)
  @Access('pipeline:what-if')
  @ApiPipelineId()
  @ApiRead('Pipeline metrics of a published version and of another version or a draft, over the same recorded facts of the pipeline\'s deals (writes nothing)',
    WhatIfSchema, JSON_BODY, AUTHENTICATED,
    { 400: ['PIPELINE.ID_INVALID', 'PIPELINE.INVALID', 'PIPELINE.CANDIDATE_INVALID', 'TIME.INVALID'], 403: ['AUTH.PERMISSION_DENIED'], 404: ['PIPELINE.NOT_FOUND'] })
  async whatIf(@Param('pipelineId') id: string, @Body() b: WhatIfDto) {
    const pipelineId = pipelineIdOf(id);
    const [baseline, candidate] = whatIfDefinitions(this.catalog, pipelineId, b);
    const until = b.to ?? new Date().toISOString();
    const replay = await replayWhatIf(this.store, [baseline, candidate], { pipelineId, until, ...(b.from === undefined ? {} : { from: b.from }) });
    return { baseline: replay.metrics[0], candidate: replay.metrics[1], deals: replay.deals, eventsRead: replay.eventsRead };
  }
}
