import { Inject, Injectable } from '@nestjs/common';
import {
  Actor, ALLOWED, authorize, authorizedDecider, createCredentialDecider, CredentialCommand, CredentialDecider, credentialStreamId, NO_RELATIONS,
} from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { CommandResult, commandMetadata, handleCommand } from '@deals/command-pipeline';
import { LiveUserDirectory } from '../live-user-directory';
import { CredentialDirectory } from './credential-directory';

/**
 * Links, passwords and sessions through the one command path. Issuing a link is checked against
 * the access table again inside the path (admins only); setting a password needs the link's
 * token, starting a session a verified password (the sign-in service). Answers once this
 * process's credential directory holds the change. No Idempotency-Key: a link's or session's
 * token exists only in the first answer, so a replay could not give it back.
 */
@Injectable()
export class CredentialCommandHandler {
  private readonly credentials: CredentialDecider;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    users: LiveUserDirectory,
    private readonly directory: CredentialDirectory,
  ) {
    const inner = createCredentialDecider({ isActiveUser: (userId) => users.find(userId)?.active === true });
    this.credentials = authorizedDecider(inner, (command) => command.type === 'IssuePasswordLink'
      ? authorize(command.data.purpose === 'invitation' ? 'account:invite' : 'account:reset-password', command.metadata.actor,
        { kind: 'person', personId: command.data.userId }, NO_RELATIONS)
      : ALLOWED);
  }

  async handle<T extends CredentialCommand['type']>(actor: Actor, type: T, data: Extract<CredentialCommand, { type: T }>['data']): Promise<CommandResult> {
    const command = { type, data, metadata: commandMetadata({ actor }) } as CredentialCommand;
    const result = await handleCommand(this.store, this.credentials, credentialStreamId(data.userId), command, {});
    await this.directory.waitFor(result.position);
    return result;
  }
}
