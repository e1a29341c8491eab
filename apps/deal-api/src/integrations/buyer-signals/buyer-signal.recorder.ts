import { Injectable } from '@nestjs/common';
import { parseBuyerSignal } from '@deals/contracts';
import { DomainError, PermissionDeniedError } from '@deals/domain';
import { AccessDenialLog } from '../../auth/access-denial.log';
import { DealCommandHandler } from '../../deals/commands/deal-command.handler';
import { RequestContext } from '../../request-context/request-context.decorator';
import { integrationActor, signalCommand, SignalCommand } from './signal-command';

export type SignalOutcome =
  | { readonly kind: 'recorded'; readonly dealId: string; readonly revision: number }
  /** The same signal was recorded before: nothing new was written. */
  | { readonly kind: 'duplicate'; readonly dealId: string; readonly revision: number }
  /** Unreadable, or refused by the deal: it goes to the dead-letter topic with this code and reason. */
  | { readonly kind: 'rejected'; readonly code: string; readonly reason: string };

/**
 * Turns one buyer-signal.v1 message into the matching deal command, sent through the same path
 * as the HTTP API. The idempotency key is derived from the signal id, so a re-delivered signal
 * finds its own events in the deal and records nothing new. Errors that may pass (the store is
 * unavailable, the deal kept changing) are thrown, so the message is read again, not dead-lettered.
 */
@Injectable()
export class BuyerSignalRecorder {
  constructor(
    private readonly commands: DealCommandHandler,
    private readonly denials: AccessDenialLog,
  ) {}

  async record(body: string): Promise<SignalOutcome> {
    const parsed = parseBuyerSignal(body);
    if (!parsed.ok) return { kind: 'rejected', code: parsed.code, reason: parsed.reason };
    const { signal } = parsed;
    const command: SignalCommand = signalCommand(signal);
    const ctx: RequestContext = {
      actor: integrationActor(signal),
      idempotencyKey: `buyer-signal:${signal.signalId}`,
      correlationId: `buyer-signal:${signal.signalId}`,
    };
    try {
      const response = await this.commands.handle<SignalCommand['type']>(ctx, signal.dealId, command.type, command.data, signal.occurredAt);
      return { kind: response.replayed ? 'duplicate' : 'recorded', dealId: response.dealId, revision: response.revision };
    } catch (error) {
      // A refusal by the access table is logged like any other (an HTTP one passes the error filter).
      if (error instanceof PermissionDeniedError) await this.denials.record(error);
      if (isRefusal(error)) return { kind: 'rejected', code: error.code, reason: error.message };
      throw error;
    }
  }
}

/** A domain answer that will not change on a retry: the deal refused the fact. */
function isRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && error.kind !== 'unavailable' && error.code !== 'CONCURRENCY.RETRIES_EXHAUSTED';
}
