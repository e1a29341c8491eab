/** The person or system a command acts for. Roles are organisation roles (rep, manager, ...). */
export interface Actor {
  readonly id: string;
  readonly roles: readonly string[];
}

/** What the engine supplies with every command, so `decide` needs no clock or id source. */
export interface CommandMetadata {
  readonly commandId: string;
  readonly actor: Actor;
  /** The engine's clock when the command arrived (ISO-8601). */
  readonly now: string;
  /** Business time the fact happened, if the caller backdates it (ISO-8601). Defaults to `now`. */
  readonly occurredAt?: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

export interface Command<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Readonly<Data>;
  readonly metadata: CommandMetadata;
}

/** Metadata every stored event carries. `recordedAt` is stamped by the store at commit. */
export interface EventMetadata {
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly occurredAt: string;
  readonly recordedAt?: string;
  /** Hash of the request that produced the event, to tell a retry from a reused idempotency key. */
  readonly requestHash?: string;
}

export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Readonly<Data>;
  /** Present on events read back from the store; absent on events `decide` has just produced. */
  readonly metadata?: EventMetadata;
  /**
   * Set by `decide` when the event's business time is not its command's: an approved change
   * happened when it was proposed for, not when it was approved.
   */
  readonly occurredAt?: string;
  /** Set by `decide` when the event is someone else's fact than its command's actor: an approved change is its proposer's. */
  readonly actor?: Actor;
}
