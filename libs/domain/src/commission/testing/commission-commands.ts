import { Actor } from '../../shared/message';
import { CommissionCommandOf, CommissionCommandType } from '../commission.commands';

export const fay: Actor = { id: 'fay', roles: ['finance'] };
export const mia: Actor = { id: 'mia', roles: ['manager'] };
export const ben: Actor = { id: 'ben', roles: ['rep'] };
export const ana: Actor = { id: 'ana', roles: ['rep'] };

/** A commission command with engine metadata, typed by its command type. */
export function commissionCommand<T extends CommissionCommandType>(
  type: T, data: CommissionCommandOf<T>['data'], actor: Actor = fay, now = '2026-04-03T09:00:00.000Z',
): CommissionCommandOf<T> {
  return { type, data, metadata: { commandId: `cmd-${type}`, actor, now } } as CommissionCommandOf<T>;
}
