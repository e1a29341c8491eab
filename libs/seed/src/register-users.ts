import { handleCommand } from '@deals/command-pipeline';
import { authorizedUserDecider, UserCommand, userStreamId } from '@deals/domain';
import { EventStore } from '@deals/event-store';

/** Registers people straight into a store, as an admin would (a no-op for those registered already). */
export async function registerUsers(store: EventStore, users: readonly { id: string; roles: readonly string[]; managerId?: string }[]): Promise<void> {
  const decider = authorizedUserDecider();
  for (const user of users) {
    const existing = await store.readStream(userStreamId(user.id), { maxCount: 1 });
    if (existing.length > 0) continue;
    const command = {
      type: 'RegisterUser',
      data: { userId: user.id, name: user.id, roles: [...user.roles], ...(user.managerId ? { managerId: user.managerId } : {}) },
      metadata: { commandId: `register-${user.id}`, actor: { id: 'setup.admin', roles: ['admin'] }, now: new Date().toISOString() },
    } as UserCommand;
    await handleCommand(store, decider, userStreamId(user.id), command, {});
  }
}
