import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtension, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { ApiErrors, ErrorCodes } from './api-errors';
import {
  CommissionCommandResponseSchema, DealCommandResponseSchema, PipelineCommandResponseSchema, PipelineMigrationCommandResponseSchema, ReadModelAnswerSchema,
  TeamCommandResponseSchema, UserCommandResponseSchema,
} from './schemas';

/** Marks an operation that needs no bearer token; the document builder gives it `security: []`. */
export const PUBLIC_OPERATION_EXTENSION = 'x-public';

/** The operation needs no bearer token (mirrors `@Public()`, which the guard reads). */
export const ApiPublic = () => ApiExtension(PUBLIC_OPERATION_EXTENSION, true);

const IDEMPOTENCY_KEY = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description:
    'Makes a retry safe: the same key with the same body answers the first result (`replayed: true`, header `Idempotent-Replayed: true`) and writes nothing; '
    + 'the same key with another body is a 409 `IDEMPOTENCY.KEY_REUSED`. Scoped to the caller.',
  schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$' },
});

const IF_MATCH = ApiHeader({
  name: 'If-Match',
  required: false,
  description:
    'The revision the caller last saw, as in the `ETag` (`"3"`; `"-1"` for a stream that does not exist yet). A mismatch is a 412; '
    + 'without it a concurrent change is retried (up to 5 times).',
  schema: { type: 'string', pattern: '^(?:W/)?"?(-1|\\d{1,15})"?$' },
});

const CORRELATION_ID = ApiHeader({
  name: 'X-Correlation-Id',
  required: false,
  description: 'Kept as the events\' correlation id (default: the command id); ignored when longer than 128 characters.',
  schema: { type: 'string' },
});

const REVISION_HEADERS = {
  ETag: { description: 'The deal\'s stream revision after the command, e.g. `"7"`; send it back as If-Match.', schema: { type: 'string' } },
  'X-Global-Position': { description: 'Global position of the last event written.', schema: { type: 'string' } },
  'Idempotent-Replayed': { description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key.', schema: { type: 'string', enum: ['true'] } },
};

/** An operation's summary, or its summary with a description and the success status when it is not the default. */
export type OperationInfo = string | { readonly summary: string; readonly description?: string; readonly status?: number };

function operation(info: OperationInfo) {
  const { summary, description } = typeof info === 'string' ? { summary: info, description: undefined } : info;
  return ApiOperation(description ? { summary, description } : { summary });
}

const statusOf = (info: OperationInfo, fallback: number) => (typeof info === 'string' ? fallback : (info.status ?? fallback));

/** A command on a deal: the command headers, 201 (200 for DELETE) with the revision headers, and its errors. */
export function ApiDealCommand(info: OperationInfo, ...errors: readonly ErrorCodes[]): MethodDecorator {
  return applyDecorators(
    operation(info),
    IDEMPOTENCY_KEY, IF_MATCH, CORRELATION_ID,
    ApiResponse({
      status: statusOf(info, 201),
      description: 'Done: the events written, the new revision and global position.',
      type: DealCommandResponseSchema,
      headers: REVISION_HEADERS,
    }),
    ApiErrors(...errors),
  ) as MethodDecorator;
}

/** A commission command (plans, assignments, disputes): no If-Match, the stream's events decide. */
export function ApiCommissionCommand(info: OperationInfo, ...errors: readonly ErrorCodes[]): MethodDecorator {
  return applyDecorators(
    operation(info),
    IDEMPOTENCY_KEY, CORRELATION_ID,
    ApiResponse({ status: 201, description: 'Done: the events written, the new revision and global position.', type: CommissionCommandResponseSchema }),
    ApiErrors(...errors),
  ) as MethodDecorator;
}

/** A user administration command. */
export function ApiUserCommand(info: OperationInfo, ...errors: readonly ErrorCodes[]): MethodDecorator {
  return applyDecorators(
    operation(info),
    IDEMPOTENCY_KEY, IF_MATCH, CORRELATION_ID,
    ApiResponse({ status: 201, description: 'Done: the events written, the new revision and global position.', type: UserCommandResponseSchema }),
    ApiErrors(...errors),
  ) as MethodDecorator;
}

/** Setting a rep's default team or an account's team. */
export function ApiTeamCommand(info: OperationInfo, ...errors: readonly ErrorCodes[]): MethodDecorator {
  return applyDecorators(
    operation(info),
    IDEMPOTENCY_KEY, IF_MATCH, CORRELATION_ID,
    ApiResponse({ status: 201, description: 'Done: the events written (none when the team is unchanged), the new revision and global position.', type: TeamCommandResponseSchema }),
    ApiErrors(...errors),
  ) as MethodDecorator;
}

/** Publishing a pipeline version. */
export function ApiPipelineCommand(info: OperationInfo, ...errors: readonly ErrorCodes[]): MethodDecorator {
  return applyDecorators(
    operation(info),
    IDEMPOTENCY_KEY, IF_MATCH, CORRELATION_ID,
    ApiResponse({ status: 201, description: 'Done: the events written, the new revision and global position.', type: PipelineCommandResponseSchema }),
    ApiErrors(...errors),
  ) as MethodDecorator;
}

/** Migrating open deals: one command per deal, each on its own stream (so no If-Match; `dryRunDigest` pins what was reviewed). */
export function ApiPipelineMigration(info: OperationInfo, ...errors: readonly ErrorCodes[]): MethodDecorator {
  return applyDecorators(
    operation(info),
    IDEMPOTENCY_KEY, CORRELATION_ID,
    ApiResponse({ status: 201, description: 'Done: per deal, the events written.', type: PipelineMigrationCommandResponseSchema }),
    ApiErrors(...errors),
  ) as MethodDecorator;
}

/** A projection query answering `{result, position, asOf?}`. */
export function ApiReadModelQuery(info: OperationInfo, ...errors: readonly ErrorCodes[]): MethodDecorator {
  return applyDecorators(
    operation(info),
    ApiOkResponse({ description: 'The answer and the global position it reflects.', type: ReadModelAnswerSchema }),
    ApiErrors(...errors),
  ) as MethodDecorator;
}

const typedAnswers = new Map<string, Type<unknown>>();

/** The `{result, position, asOf?}` envelope with `result` typed: `<Result>Answer`, or `<Result>ListAnswer` for a list. */
function readModelAnswerOf(result: Type<unknown> | [Type<unknown>]): Type<unknown> {
  const list = Array.isArray(result);
  const name = `${getSchemaPath(list ? result[0] : result).split('/').pop()}${list ? 'List' : ''}Answer`;
  const known = typedAnswers.get(name);
  if (known) return known;
  class Answer {}
  ApiProperty({ type: result })(Answer.prototype, 'result');
  ApiProperty({ type: 'integer', description: 'The global position the answer reflects.' })(Answer.prototype, 'position');
  ApiPropertyOptional({ type: String, format: 'date-time', description: 'Set when answered as of a past recorded time.' })(Answer.prototype, 'asOf');
  ApiSchema({ name, description: 'The answer and the global position it reflects.' })(Answer);
  typedAnswers.set(name, Answer);
  return Answer;
}

/** A projection query answering `{result, position, asOf?}`, with the schema of its `result`. */
export function ApiReadModelAnswer(info: OperationInfo, result: Type<unknown> | [Type<unknown>], ...errors: readonly ErrorCodes[]): MethodDecorator {
  return applyDecorators(
    operation(info),
    ApiOkResponse({ description: 'The answer and the global position it reflects.', type: readModelAnswerOf(result) }),
    ApiErrors(...errors),
  ) as MethodDecorator;
}

/** Any other operation: its summary, its 200 answer and its errors. */
export function ApiRead(info: OperationInfo, answer: Type<unknown> | [Type<unknown>], ...errors: readonly ErrorCodes[]): MethodDecorator {
  return applyDecorators(
    operation(info),
    ApiResponse({ status: statusOf(info, 200), type: answer }),
    ApiErrors(...errors),
  ) as MethodDecorator;
}

/** `:dealId` in the path: a UUID (any case; answered lower-case). */
export const ApiDealId = () =>
  ApiParam({ name: 'dealId', description: 'The deal\'s id (a UUID).', schema: { type: 'string', format: 'uuid' } });

/** `:personId` in the path: a user id. */
export const ApiPersonId = () => ApiParam({ name: 'personId', description: 'A user id, e.g. `ana.ae`.', schema: { type: 'string' } });
