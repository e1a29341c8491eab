import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DomainError, ErrorKind, PermissionDeniedError } from '@deals/domain';
import {
  IdempotencyConflictError,
  InvalidAppendError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '@deals/event-store';
import { AsOfScanError, ProjectionRebuildError, UnknownProjectionError } from '@deals/projections';
import { AccessDenialLog } from '../auth/access-denial.log';
import { RequestRefusedError } from '../security/request.errors';
import { ErrorBody } from './error-body';

const STATUS: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  precondition: HttpStatus.PRECONDITION_FAILED,
  throttled: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/** The one place errors become HTTP responses (through Nest's adapter: Express or Fastify). */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  constructor(
    private readonly denials: AccessDenialLog,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    // Every refusal passes here: it is recorded before the caller sees it.
    if (exception instanceof PermissionDeniedError) {
      void this.denials.record(exception).finally(() => this.respond(exception, host));
      return;
    }
    this.respond(exception, host);
  }

  private respond(exception: unknown, host: ArgumentsHost): void {
    const http = this.adapterHost.httpAdapter;
    const response = host.switchToHttp().getResponse<unknown>();
    const body = this.toBody(exception);
    // A server error keeps its stack; a refusal at the door is one line (a client's mistake, or a probe).
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    else if (exception instanceof RequestRefusedError) {
      const request = host.switchToHttp().getRequest<unknown>();
      this.logger.warn(refusalLine(http.getRequestMethod(request), http.getRequestUrl(request), body));
    }
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) http.setHeader(response, 'Retry-After', '5');
    const retryAfter = body.details?.retryAfterSeconds;
    if (body.statusCode === HttpStatus.TOO_MANY_REQUESTS && typeof retryAfter === 'number') http.setHeader(response, 'Retry-After', String(retryAfter));
    http.reply(response, body, body.statusCode);
  }

  private toBody(e: unknown): ErrorBody {
    if (e instanceof RequestRefusedError) return { statusCode: e.httpStatus, error: e.code, message: e.message, details: e.details };
    if (e instanceof DomainError) {
      return { statusCode: STATUS[e.kind], error: e.code, message: e.message, details: e.details };
    }
    if (e instanceof WrongExpectedRevisionError) {
      return { statusCode: 409, error: e.code, message: e.message, details: { streamId: e.streamId } };
    }
    if (e instanceof IdempotencyConflictError) {
      return { statusCode: 409, error: e.code, message: e.message, details: { eventIds: e.eventIds } };
    }
    if (e instanceof InvalidAppendError) return { statusCode: 400, error: e.code, message: e.message };
    if (e instanceof StoreUnavailableError) {
      return { statusCode: 503, error: e.code, message: 'The event store cannot accept writes right now; retry later' };
    }
    if (e instanceof UnknownProjectionError) {
      return { statusCode: 404, error: e.code, message: e.message, details: { known: e.known } };
    }
    if (e instanceof AsOfScanError) {
      return { statusCode: 400, error: e.code, message: e.message, details: { projection: e.projection } };
    }
    if (e instanceof ProjectionRebuildError) {
      return { statusCode: 409, error: e.code, message: e.message, details: { projection: e.projection, position: e.event.position, eventId: e.event.eventId } };
    }
    if (e instanceof HttpException) return fromHttpException(e);
    return { statusCode: 500, error: 'INTERNAL', message: 'Unexpected error; it has been logged' };
  }
}

/** "POST /deals refused: 413 REQUEST.BODY_TOO_LARGE" — the path without its query, never a body or header. */
function refusalLine(method: string, url: string, body: ErrorBody): string {
  return `${method} ${url.split('?')[0]} refused: ${body.statusCode} ${body.error}`;
}

function fromHttpException(e: HttpException): ErrorBody {
  const status = e.getStatus();
  const res = e.getResponse();
  if (typeof res === 'object' && res !== null && 'error' in res && 'details' in res) return res as ErrorBody;
  const message = typeof res === 'string' ? res : String((res as { message?: unknown }).message ?? e.message);
  const code = status === 404 ? 'ROUTE.NOT_FOUND' : status === 400 ? 'REQUEST.INVALID' : `HTTP.${status}`;
  return { statusCode: status, error: code, message };
}
