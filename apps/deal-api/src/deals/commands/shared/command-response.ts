import { CommandResult } from '../../../command-pipeline/handle-command';

/** What every deal command returns: the new revision (also the ETag) and the global position. */
export interface CommandResponse {
  readonly dealId: string;
  readonly revision: number;
  readonly position: number;
  readonly events: CommandResult['events'];
  readonly replayed: boolean;
}

export function toCommandResponse(dealId: string, r: CommandResult): CommandResponse {
  return { dealId, revision: r.revision, position: r.position, events: r.events, replayed: r.replayed };
}
