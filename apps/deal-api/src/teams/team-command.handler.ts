import { Inject, Injectable } from '@nestjs/common';
import { commandMetadata, handleCommand } from '@deals/command-pipeline';
import { accountTeamStreamId, authorizedTeamDecider, defaultTeamStreamId, TeamCommand } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { LiveUserDirectory } from '../auth/live-user-directory';
import { CommandResponse, commandResponse } from '../request-context/command-response';
import { RequestContext } from '../request-context/request-context.decorator';
import { teamPolicy } from './standing-teams';

export interface TeamCommandResponse extends CommandResponse {
  /** The rep whose default team it is, or the account's name. */
  readonly of: string;
}

/** Sets default teams and account teams through the one command path, behind the access table. */
@Injectable()
export class TeamCommandHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LiveUserDirectory) private readonly directory: LiveUserDirectory,
  ) {}

  async handle<T extends TeamCommand['type']>(ctx: RequestContext, type: T, data: Extract<TeamCommand, { type: T }>['data']): Promise<TeamCommandResponse> {
    const command = { type, data, metadata: commandMetadata(ctx) } as TeamCommand;
    const of = command.type === 'SetDefaultTeam' ? command.data.userId : command.data.account;
    const streamId = command.type === 'SetDefaultTeam' ? defaultTeamStreamId(command.data.userId) : accountTeamStreamId(command.data.account);
    const decider = authorizedTeamDecider(this.directory, teamPolicy(this.directory));
    const result = await handleCommand(this.store, decider, streamId, command, {
      idempotencyKey: ctx.idempotencyKey,
      expectedRevision: ctx.expectedRevision,
    });
    return { of, ...commandResponse(result) };
  }
}
