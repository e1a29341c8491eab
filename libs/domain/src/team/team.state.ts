import { TeamTemplate } from './team-template';

/** A default team or an account team as set last; `exists` is false until it is first set. */
export interface TeamTemplateState extends TeamTemplate {
  readonly exists: boolean;
  /** The rep whose default team it is, or the account's name as last typed. */
  readonly of: string;
  /** Business time it was last set. */
  readonly setAt?: string;
  readonly setBy?: string;
}

export function initialTeamTemplateState(): TeamTemplateState {
  return { exists: false, of: '', members: [], mode: 'offer' };
}
