import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Observable, tap } from 'rxjs';

/** Sets ETag (the stream revision) and X-Global-Position from a body carrying them (through Nest's adapter: Express or Fastify). */
@Injectable()
export class RevisionHeadersInterceptor implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<unknown>();
    const http = this.adapterHost.httpAdapter;
    return next.handle().pipe(
      tap((body) => {
        const b = body as { revision?: unknown; position?: unknown; replayed?: unknown } | undefined;
        if (typeof b?.revision === 'number') http.setHeader(res, 'ETag', `"${b.revision}"`);
        if (typeof b?.position === 'number') http.setHeader(res, 'X-Global-Position', String(b.position));
        if (b?.replayed === true) http.setHeader(res, 'Idempotent-Replayed', 'true');
      }),
    );
  }
}
