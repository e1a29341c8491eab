import { CommandResult } from '@deals/command-pipeline';

/** What every command answers: its stream, the new revision (also the ETag), the global position and the events written. */
export interface CommandResponse {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly events: CommandResult['events'];
  readonly replayed: boolean;
}

export function commandResponse(result: CommandResult): CommandResponse {
  return { streamId: result.streamId, revision: result.revision, position: result.position, events: result.events, replayed: result.replayed };
}
