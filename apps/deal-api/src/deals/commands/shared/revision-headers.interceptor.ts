import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Response } from 'express';
import { Observable, tap } from 'rxjs';

/** Sets ETag (the stream revision) and X-Global-Position from a body carrying them. */
@Injectable()
export class RevisionHeadersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap((body) => {
        const b = body as { revision?: unknown; position?: unknown; replayed?: unknown } | undefined;
        if (typeof b?.revision === 'number') res.setHeader('ETag', `"${b.revision}"`);
        if (typeof b?.position === 'number') res.setHeader('X-Global-Position', String(b.position));
        if (b?.replayed === true) res.setHeader('Idempotent-Replayed', 'true');
      }),
    );
  }
}
