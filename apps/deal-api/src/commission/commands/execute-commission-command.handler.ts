import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Command, commissionPlanDecider, createDisputeDecider, Decider, DomainEvent, planAssignmentDecider } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { AccessDenialRecorder } from '../../auth/access-denial.recorder';
import { UserDirectory } from '../../auth/user-directory';
import { CommandResult, handleCommand } from '../../command-pipeline/handle-command';
import { ExecuteCommissionCommand } from './execute-commission-command.command';

type AnyDecider = Decider<unknown, Command, DomainEvent>;

/** Plans, assignments and disputes go through the same command path as deals. */
@CommandHandler(ExecuteCommissionCommand)
export class ExecuteCommissionCommandHandler implements ICommandHandler<ExecuteCommissionCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly users: UserDirectory,
    private readonly denials: AccessDenialRecorder,
  ) {}

  async execute(c: ExecuteCommissionCommand): Promise<CommandResult> {
    const decider = await this.deciderFor(c);
    return this.denials.recording(() =>
      handleCommand(this.store, decider, c.streamId, c.command, { requestHash: c.requestHash, idempotencyKey: c.idempotencyKey }));
  }

  private async deciderFor(c: ExecuteCommissionCommand): Promise<AnyDecider> {
    if (c.aggregate === 'plan') return commissionPlanDecider as unknown as AnyDecider;
    if (c.aggregate === 'assignment') return planAssignmentDecider as unknown as AnyDecider;
    // "Their manager" is a reporting line held by the user directory; look it up before deciding.
    const subject = c.command.type === 'RaiseDispute' ? c.command.data.userId : undefined;
    const manager = subject ? await this.users.managerOf(subject) : undefined;
    return createDisputeDecider({ isManagerOf: (actor, userId) => userId === subject && actor.id === manager }) as unknown as AnyDecider;
  }
}
