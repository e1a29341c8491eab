import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { Observable } from 'rxjs';
import { ACCESS_OPERATION } from '../auth/access.decorator';

/** Operations that are commands: `deal:OpenDeal`, `user:RegisterUser`… (reads are lower case: `deal:read`). */
const COMMAND = /^(?:deal|user|commission|team):([A-Z]\w*)$/;

const commandTypes = new WeakMap<Request, string>();

/** The command type of a request that reached its command handler, for the command metrics. */
export function commandTypeOf(req: Request): string | undefined {
  return commandTypes.get(req);
}

/** Marks requests whose route performs a command with the command's type (from its `@Access` operation). */
@Injectable()
export class CommandTypeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const operation = this.reflector.get<string | undefined>(ACCESS_OPERATION, context.getHandler());
    const match = operation ? COMMAND.exec(operation) : null;
    if (match && context.getType() === 'http') commandTypes.set(context.switchToHttp().getRequest<Request>(), match[1]);
    return next.handle();
  }
}
