import { Command } from 'commander';
import { signAccessToken, resolveAuthSecret, tokenSigner } from '@deals/access-tokens';
import { aggregateStream, handleCommand } from '@deals/command-pipeline';
import { createUserDecider, USER_ID, UserCommand, userStreamId } from '@deals/domain';
import { EventStore } from '@deals/event-store';
import { CliContext } from '../cli-context';
import { CliUsageError } from '../data-dir';

const users = createUserDecider();

/**
 * `deals token <userId>` prints a bearer token (12 hours) for a registered, active user, signed
 * with the API's secret (AUTH_TOKEN_SECRET, else <data-dir>/auth-secret). `--first-admin`
 * registers that person as the first admin of a store without one.
 */
export function registerToken(program: Command, ctx: CliContext): void {
  program
    .command('token')
    .description('Print a bearer token (12 hours) for a registered user; --first-admin registers the first admin of a store without one')
    .argument('<userId>', 'the user the token is for')
    .option('--first-admin', 'register this person as the first admin (refused once any admin exists)')
    .action(async (userId: string, options: { firstAdmin?: boolean }) => {
      if (!USER_ID.test(userId)) throw new CliUsageError(`"${userId}" is not a user id (1-100 of A-Z a-z 0-9 . _ @ -)`);
      const dir = ctx.dataDir();
      const store = dir.openStore({ create: options.firstAdmin === true });
      try {
        if (options.firstAdmin) await registerFirstAdmin(store, userId);
        const { state: user } = await aggregateStream(store, userStreamId(userId), users);
        if (!user.exists) throw new CliUsageError(`${userId} is not a registered user in ${dir.external ? 'EventStoreDB' : dir.path}`);
        if (!user.active) throw new CliUsageError(`${userId} is deactivated; an admin can reactivate them (POST /users/${userId}/reactivate)`);
        const secret = resolveAuthSecret({ dataDir: dir.path, authTokenSecret: ctx.io.env.AUTH_TOKEN_SECRET || undefined });
        ctx.io.out(signAccessToken(tokenSigner(secret), { id: user.userId, roles: user.roles }));
      } finally {
        await store.close();
      }
    });
}

async function registerFirstAdmin(store: EventStore, userId: string): Promise<void> {
  const { events } = await store.readAll({ filter: { streamPrefixes: ['user-'], eventTypes: ['UserRegistered', 'UserRolesChanged'] } });
  if (events.some((e) => ((e.data as { roles?: string[] }).roles ?? []).includes('admin'))) {
    throw new CliUsageError('an admin exists already; ask them to register users with POST /users');
  }
  const command: UserCommand = {
    type: 'RegisterUser',
    data: { userId, name: userId, roles: ['admin'] },
    metadata: { commandId: `first-admin-${userId}`, actor: { id: 'system', roles: ['admin'] }, now: new Date().toISOString() },
  };
  await handleCommand(store, users, userStreamId(userId), command, {});
}
