import { Actor, DomainError } from '@deals/domain';

/**
 * Who approves a seeded deal's changes that wait for approval (a close dated back, splits naming
 * others, credit changed after the close) and its terms the deal desk holds, in the order asked:
 * the owner's manager, the other managers, sales-ops, finance. The first the rules let approve does; one that none may approve
 * stays waiting, as it would in the product.
 */
export function approverCandidates(ownerManager: Actor, managers: readonly Actor[], salesOps: Actor, finance: Actor): Actor[] {
  return [ownerManager, ...managers.filter((m) => m.id !== ownerManager.id), salesOps, finance];
}

/** Refusals that mean "ask the next candidate" rather than a broken data set. */
export function isApproverRefusal(error: unknown): boolean {
  return error instanceof DomainError && error.kind === 'forbidden';
}

/** Tries each candidate in turn; true when one approved, false when every one was refused. */
export async function approveWithFirstAllowed(candidates: readonly Actor[], approve: (approver: Actor) => Promise<unknown> | unknown): Promise<boolean> {
  for (const approver of candidates) {
    try {
      await approve(approver);
      return true;
    } catch (error) {
      if (!isApproverRefusal(error)) throw error;
    }
  }
  return false;
}
