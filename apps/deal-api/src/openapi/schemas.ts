import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ErrorBody } from '../errors/error-body';

/**
 * Response shapes for the OpenAPI document only: the handlers return plain objects, these
 * classes describe them. Request shapes are the DTOs themselves.
 */

@ApiSchema({ name: 'ErrorBody', description: 'The body of every error response (one exception filter produces them all).' })
export class ErrorBodySchema implements ErrorBody {
  @ApiProperty({ description: 'The HTTP status, repeated.', example: 409 })
  statusCode!: number;

  @ApiProperty({ description: 'A stable code clients can branch on; each operation lists the codes it can answer with.', example: 'DEAL.EXIT_CRITERIA_UNMET' })
  error!: string;

  @ApiProperty({ description: 'For people: what went wrong and how to fix it.', example: "Stage 'engaged' cannot be left: missing exit criteria buyer-responded (Buyer responded)." })
  message!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Facts about the error, by code: e.g. `fields` for VALIDATION.FAILED, `missing` for DEAL.EXIT_CRITERIA_UNMET, `currentRevision` for CONCURRENCY.REVISION_MISMATCH, `permission` and `allowedRoles` for AUTH.PERMISSION_DENIED.',
  })
  details?: Record<string, unknown>;
}

@ApiSchema({ name: 'WrittenEvent', description: 'An event a command wrote (or, on a replay, had written).' })
export class WrittenEventSchema {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'StageAdvanced' }) type!: string;
  @ApiProperty({ type: 'integer', description: 'The event\'s revision in its stream.' }) revision!: number;
}

abstract class CommandResultSchema {
  @ApiProperty({ type: 'integer', description: 'The stream revision after the command (-1 while the stream is empty); also the `ETag` on deal commands.' })
  revision!: number;

  @ApiProperty({ type: 'integer', description: 'Global position of the last event written; pass it as `minPosition` to read your own write.' })
  position!: number;

  @ApiProperty({ type: [WrittenEventSchema], description: 'The events written; empty when the command changed nothing.' })
  events!: WrittenEventSchema[];

  @ApiProperty({ description: 'True when this is the stored answer to an earlier request with the same Idempotency-Key and body.' })
  replayed!: boolean;
}

@ApiSchema({ name: 'OfferedMember', description: 'A member a standing team offers a deal: add them with POST /deals/{dealId}/team.' })
export class OfferedMemberSchema {
  @ApiProperty() userId!: string;
  @ApiProperty({ example: 'sales-engineer' }) role!: string;
  @ApiProperty({ enum: ['full', 'record-facts', 'read'] }) access!: string;
  @ApiProperty({
    type: 'object',
    description: '`{kind: "default-team", ownerId}` or `{kind: "account-team", account}`.',
    properties: { kind: { type: 'string', enum: ['default-team', 'account-team'] }, ownerId: { type: 'string' }, account: { type: 'string' } },
  })
  source!: { kind: string; ownerId?: string; account?: string };
}

@ApiSchema({ name: 'DealCommandResponse', description: 'What every deal command answers.' })
export class DealCommandResponseSchema extends CommandResultSchema {
  @ApiProperty({ format: 'uuid' }) dealId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Set when the change waits for approval: review it at /deals/{dealId}/changes/{proposalId}/review.' })
  proposalId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Set when the terms agreed wait for the deal desk: a manager of the owner decides at /deals/{dealId}/deal-desk/{requestId}/decision.' })
  dealDeskRequestId?: string;

  @ApiPropertyOptional({ type: [OfferedMemberSchema], description: 'On opening: the members of the standing teams in `offer` mode, for the rep to pick from.' })
  offeredTeam?: OfferedMemberSchema[];
}

@ApiSchema({ name: 'CommissionCommandResponse', description: 'What every commission command answers (plans, assignments, disputes).' })
export class CommissionCommandResponseSchema extends CommandResultSchema {
  @ApiProperty({ description: 'The plan id, the assignee\'s user id or the dispute id.' }) id!: string;
  @ApiProperty({ example: 'commission-dispute-…' }) streamId!: string;
}

@ApiSchema({ name: 'UserCommandResponse', description: 'What the user commands answer.' })
export class UserCommandResponseSchema extends CommandResultSchema {
  @ApiProperty() userId!: string;
}

@ApiSchema({ name: 'TeamCommandResponse', description: 'What setting a default team or an account team answers.' })
export class TeamCommandResponseSchema extends CommandResultSchema {
  @ApiProperty({ description: 'The rep, or the account\'s name.' }) of!: string;
  @ApiProperty({ example: 'default-team-ana.ae' }) streamId!: string;
}

@ApiSchema({ name: 'RelayStall', description: 'The event the Kafka relay stopped at: it and every later event wait; everything before it is on the topic.' })
export class RelayStallSchema {
  @ApiProperty() eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: 'integer' }) streamRevision!: number;
  @ApiProperty({ type: 'integer', description: 'Global position of the event; the checkpoint stands just before it.' }) position!: number;
  @ApiProperty({ example: 'CONTRACT.UNMAPPABLE_EVENT' }) code!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time', description: 'When the relay first stopped at it.' }) since!: string;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiProperty({ format: 'date-time', required: false }) nextAttemptAt?: string;
}

@ApiSchema({ name: 'RelayFailure', description: 'Publishing fails for another reason (the broker unreachable): retried from the checkpoint with backoff.' })
export class RelayFailureSchema {
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiProperty({ format: 'date-time', required: false }) nextAttemptAt?: string;
}

@ApiSchema({ name: 'RelayStatus', description: 'What the Kafka relay is doing.' })
export class RelayStatusSchema {
  @ApiProperty({ enum: ['starting', 'running', 'retrying', 'stalled', 'stopped'] }) state!: string;
  @ApiProperty() topic!: string;
  @ApiProperty({ type: 'integer', description: 'Every deal event up to this global position is on the topic.' }) checkpointPosition!: number;
  @ApiProperty({ format: 'date-time', required: false }) lastPublishedAt?: string;
  @ApiProperty({ type: () => RelayStallSchema, required: false }) stall?: RelayStallSchema;
  @ApiProperty({ type: () => RelayFailureSchema, required: false }) failure?: RelayFailureSchema;
}

@ApiSchema({ name: 'PipelineCommandResponse', description: 'What publishing a pipeline version answers.' })
export class PipelineCommandResponseSchema extends CommandResultSchema {
  @ApiProperty({ example: 'default' }) pipelineId!: string;
  @ApiProperty({ example: 'pipeline-default' }) streamId!: string;
}

@ApiSchema({ name: 'DealMigrated', description: 'One deal moved to the new version (or already on it: `events` empty).' })
export class DealMigratedSchema extends CommandResultSchema {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
}

@ApiSchema({ name: 'DealNotMigrated', description: 'A deal that could not be moved (e.g. closed since the list was read).' })
export class DealNotMigratedSchema {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty({ example: 'DEAL.CLOSED' }) error!: string;
  @ApiProperty() message!: string;
}

@ApiSchema({ name: 'PipelineMigrationCommandResponse', description: 'What a migration answers: one command per open deal on an older version, each on its own stream.' })
export class PipelineMigrationCommandResponseSchema {
  @ApiProperty({ example: 'default' }) pipelineId!: string;
  @ApiProperty({ type: 'integer', example: 2 }) toVersion!: number;
  @ApiProperty({ description: 'The digest of the dry run this migration matched (the deals, their stages and findings).' }) digest!: string;
  @ApiProperty({ type: [DealMigratedSchema] }) migrated!: DealMigratedSchema[];
  @ApiProperty({ type: [DealNotMigratedSchema] }) failed!: DealNotMigratedSchema[];
}

@ApiSchema({ name: 'Health' })
export class HealthSchema {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ type: 'integer', description: 'Global position of the newest event in the store.' }) headPosition!: number;
  @ApiProperty({ type: () => RelayStatusSchema, required: false, description: 'Only with the Kafka relay embedded (KAFKA_RELAY_EMBEDDED=true): what it is doing (docs/kafka.md, "Relay status"). A stalled relay is reported here; the API stays healthy.' })
  relay?: RelayStatusSchema;
}

@ApiSchema({ name: 'HealthCheck', description: 'A check\'s answer (@nestjs/terminus): each indicator with its status and details.' })
export class HealthCheckSchema {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Indicators that are up.' }) info!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Indicators that are down.' }) error!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Every indicator.' }) details!: Record<string, unknown>;
}

@ApiSchema({ name: 'Me', description: 'The caller as registered (their rights follow `roles`), and the roles their token was issued with.' })
export class MeSchema {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: String, nullable: true }) managerId!: string | null;
  @ApiProperty({ type: [String] }) tokenRoles!: string[];
}

@ApiSchema({ name: 'AccessDenialRow', description: 'Refusals of one permission to one person in one minute (UTC).' })
export class AccessDenialRowSchema {
  @ApiProperty({ example: '2026-12-06T14:05' }) minute!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ example: 'deal:ChangeAmount' }) permission!: string;
  @ApiProperty({ description: 'How many requests were refused.' }) count!: number;
  @ApiProperty({ type: [String], description: 'Distinct resources refused (at most 20 per record).' }) resources!: string[];
  @ApiProperty() reasonCode!: string;
  @ApiProperty() reason!: string;
}

@ApiSchema({ name: 'AccessDenials' })
export class AccessDenialsSchema {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty({ description: 'Refused requests in all rows.' }) refusals!: number;
  @ApiProperty() total!: number;
  @ApiProperty() offset!: number;
  @ApiProperty() limit!: number;
  @ApiProperty({ type: [AccessDenialRowSchema] }) items!: AccessDenialRowSchema[];
}

@ApiSchema({ name: 'CriterionProgress' })
export class CriterionProgressSchema {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'What the buyer did that meets it.' }) buyerOutcome!: string;
  @ApiProperty() met!: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'The evidence of the facts that met it.' })
  evidence!: object[];
}

@ApiSchema({ name: 'StageProgress' })
export class StageProgressSchema {
  @ApiProperty() stageId!: string;
  @ApiProperty() stageName!: string;
  @ApiProperty({ enum: ['open', 'won', 'lost', 'post-close'], description: 'The stage\'s phase.' }) phase!: string;
  @ApiProperty({ description: 'Win probability of the stage, 0 to 1.' }) probability!: number;
  @ApiPropertyOptional({ description: 'Where the deal goes next, if anywhere.' }) nextStageId?: string;
  @ApiProperty({ type: [CriterionProgressSchema], description: 'The current stage\'s exit criteria, met or missing.' }) criteria!: CriterionProgressSchema[];
}

@ApiSchema({ name: 'DealView', description: 'A deal\'s current state (or its state as recorded by `asOf`).' })
export class DealViewSchema {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Set when the view is as of a past recorded time.' }) asOf?: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The folded deal: name, account, owner, amounts, team, stage, status, facts with their evidence, splits, post-close facts.' })
  state!: Record<string, unknown>;
  @ApiProperty({ type: StageProgressSchema }) stage!: StageProgressSchema;
}

@ApiSchema({ name: 'StoredEvent', description: 'An event as stored, with its metadata and hash chain.' })
export class StoredEventSchema {
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ type: 'integer' }) schemaVersion!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'actor, commandId, correlationId, causationId, occurredAt, recordedAt, requestHash.' })
  metadata!: Record<string, unknown>;
  @ApiProperty() hash!: string;
  @ApiProperty({ description: 'The previous event\'s hash (a fixed genesis hash for revision 0).' }) prevHash!: string;
}

@ApiSchema({ name: 'DealEventsPage' })
export class DealEventsPageSchema {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty({ type: [StoredEventSchema] }) events!: StoredEventSchema[];
  @ApiPropertyOptional({ type: 'integer', description: 'Pass as `fromRevision` for the next page; absent on the last page.' }) nextRevision?: number;
}

@ApiSchema({ name: 'ReadModelAnswer', description: 'The answer of a projection query and the global position it reflects.' })
export class ReadModelAnswerSchema {
  @ApiProperty({ description: 'The query\'s answer; its shape is described with the endpoint in docs/projections.md and docs/commissions.md.' })
  result!: unknown;
  @ApiProperty({ type: 'integer', description: 'The global position the answer reflects.' }) position!: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'Set when answered as of a past recorded time.' }) asOf?: string;
}

@ApiSchema({ name: 'ProjectionStatus' })
export class ProjectionStatusSchema {
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ type: 'integer', description: 'The last global position the projection has processed.' }) position!: number;
  @ApiProperty({ type: 'integer' }) headPosition!: number;
  @ApiProperty({ type: 'integer' }) lag!: number;
  @ApiProperty({ enum: ['starting', 'running', 'rebuilding', 'stopped'] }) state!: string;
  @ApiProperty({ type: 'integer' }) deadLetters!: number;
  @ApiPropertyOptional() lastError?: string;
  @ApiProperty({ enum: ['main', 'worker'], description: 'Where it folds: the request loop (the default) or a worker thread (PROJECTIONS_THREAD=worker).' }) thread!: string;
  @ApiProperty({ type: 'integer', description: 'Node\'s id of that thread (0: the main thread).' }) threadId!: number;
}

@ApiSchema({ name: 'DeadLetter', description: 'An event the projection could not apply.' })
export class DeadLetterSchema {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty() projection!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty() error!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

@ApiSchema({ name: 'DeadLetters' })
export class DeadLettersSchema {
  @ApiProperty() projection!: string;
  @ApiProperty({ type: [DeadLetterSchema] }) deadLetters!: DeadLetterSchema[];
}

@ApiSchema({ name: 'RebuildResult' })
export class RebuildResultSchema {
  @ApiProperty() projection!: string;
  @ApiProperty({ type: 'integer', description: 'Events folded.' }) events!: number;
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty({ type: 'integer' }) durationMs!: number;
}

@ApiSchema({ name: 'BrokenLink', description: 'The first broken link of a stream whose hash chain fails.' })
export class BrokenLinkSchema {
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() reason!: string;
}

@ApiSchema({ name: 'PositionRange' })
export class PositionRangeSchema {
  @ApiProperty({ type: 'integer' }) from!: number;
  @ApiProperty({ type: 'integer' }) to!: number;
}

@ApiSchema({ name: 'IntegrityReport' })
export class IntegrityReportSchema {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: 'integer' }) eventsChecked!: number;
  @ApiProperty({ type: 'integer' }) streamsChecked!: number;
  @ApiProperty({ type: [BrokenLinkSchema] }) brokenStreams!: BrokenLinkSchema[];
  @ApiProperty({ type: [PositionRangeSchema], description: 'Gaps in `$all` (a deleted event), on the embedded store.' }) missingPositions!: PositionRangeSchema[];
  @ApiProperty({ type: 'integer' }) headPosition!: number;
  @ApiProperty({ type: 'integer' }) durationMs!: number;
}
