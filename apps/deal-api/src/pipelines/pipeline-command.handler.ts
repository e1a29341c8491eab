import { Inject, Injectable } from '@nestjs/common';
import { commandMetadata, handleCommand } from '@deals/command-pipeline';
import { authorizedPipelineDecider, PipelineVersionCommand, pipelineStreamId } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { LiveUserDirectory } from '../auth/live-user-directory';
import { CommandResponse, commandResponse } from '../request-context/command-response';
import { RequestContext } from '../request-context/request-context.decorator';
import { LivePipelineCatalog } from './live-pipeline-catalog';

export interface PipelineCommandResponse extends CommandResponse {
  readonly pipelineId: string;
}

/** Publishing pipeline versions, behind the access table; answers once this process's catalog has the version. */
@Injectable()
export class PipelineCommandHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LiveUserDirectory) private readonly relations: LiveUserDirectory,
    private readonly catalog: LivePipelineCatalog,
  ) {}

  async publish(ctx: RequestContext, data: PipelineVersionCommand['data']): Promise<PipelineCommandResponse> {
    const command: PipelineVersionCommand = { type: 'PublishPipelineVersion', data, metadata: commandMetadata(ctx) };
    const result = await handleCommand(this.store, authorizedPipelineDecider(this.relations), pipelineStreamId(data.pipelineId), command, {
      idempotencyKey: ctx.idempotencyKey,
      expectedRevision: ctx.expectedRevision,
    });
    // A deal opened on the new version right after this answer must find it.
    await this.catalog.waitFor(result.position);
    return { pipelineId: data.pipelineId, ...commandResponse(result) };
  }
}
