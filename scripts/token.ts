/**
 * Prints a bearer token for a registered user, valid for 12 hours:
 *   npm run -s token -- maria.manager
 *   curl -H "Authorization: Bearer $(npm run -s token -- maria.manager)" http://127.0.0.1:3000/users/me
 * Reads DATA_DIR, AUTH_TOKEN_SECRET and EVENTSTORE_CONNECTION_STRING like the API does, and the
 * user's roles from their user stream. On a store with no users yet,
 *   npm run -s token -- --first-admin <userId>
 * registers that person as the first admin (refused once any admin exists).
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { createUserDecider, UserCommand, userStreamId } from '@deals/domain';
import { EsdbEventStore, EventStore, preparePrivateDataDir, SqliteEventStore } from '@deals/event-store';
import { ACCESS_TOKEN_TTL_SECONDS, createJwtService, signAccessToken } from '../apps/deal-api/src/auth/access-token';
import { resolveAuthSecret } from '../apps/deal-api/src/auth/auth-secret';
import { findUser } from '../apps/deal-api/src/auth/user-directory';
import { handleCommand } from '@deals/command-pipeline';
import { apiConfigFromEnv, ApiConfig } from '../apps/deal-api/src/config/api-config';

function openStore(config: ApiConfig): EventStore {
  if (config.eventStoreConnectionString) return new EsdbEventStore(config.eventStoreConnectionString);
  if (config.dataDir === ':memory:') throw new Error('DATA_DIR=:memory: has no users to issue tokens for');
  return new SqliteEventStore({ path: join(config.dataDir, 'events.db') });
}

async function anyAdmin(store: EventStore): Promise<boolean> {
  const events = await store.readAll({ filter: { streamPrefixes: ['user-'], eventTypes: ['UserRegistered', 'UserRolesChanged'] } });
  return events.some((e) => ((e.data as { roles?: string[] }).roles ?? []).includes('admin'));
}

async function registerFirstAdmin(store: EventStore, userId: string): Promise<void> {
  if (await anyAdmin(store)) throw new Error('an admin exists already; ask them to register users with POST /users');
  const command: UserCommand = {
    type: 'RegisterUser',
    data: { userId, name: userId, roles: ['admin'] },
    metadata: { commandId: `first-admin-${userId}`, actor: { id: 'system', roles: ['admin'] }, now: new Date().toISOString() },
  };
  await handleCommand(store, createUserDecider(), userStreamId(userId), command, {});
}

async function main(args: string[]): Promise<void> {
  const firstAdmin = args[0] === '--first-admin';
  const userId = firstAdmin ? args[1] : args[0];
  if (!userId || userId.startsWith('-')) throw new Error('usage: npm run -s token -- <userId>   (or --first-admin <userId>)');
  const config = apiConfigFromEnv();
  // The secret file may be made here too (with EventStoreDB as well), so the folder is private first.
  if (config.dataDir !== ':memory:') preparePrivateDataDir(config.dataDir);
  const store = openStore(config);
  try {
    if (firstAdmin) await registerFirstAdmin(store, userId);
    const user = await findUser(store, userId);
    if (!user) throw new Error(`${userId} is not a registered user in ${config.eventStoreConnectionString ? 'EventStoreDB' : config.dataDir}`);
    if (!user.active) throw new Error(`${userId} is deactivated; an admin can reactivate them (POST /users/${userId}/reactivate)`);
    const jwt = createJwtService(resolveAuthSecret(config));
    process.stdout.write(`${signAccessToken(jwt, { id: user.userId, roles: user.roles }, ACCESS_TOKEN_TTL_SECONDS)}\n`);
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
