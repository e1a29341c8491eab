import { Injectable, NestMiddleware } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { ApiMetrics } from './api-metrics';
import { commandTypeOf } from './command-type.interceptor';
import { RequestsInFlight } from './requests-in-flight';
import { routeOf } from './request-route';

/** Counts each request in flight until its response ends, then records its duration by route (and by command). */
@Injectable()
export class RequestTrackingMiddleware implements NestMiddleware {
  constructor(
    private readonly metrics: ApiMetrics,
    private readonly inFlight: RequestsInFlight,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    this.inFlight.started();
    res.once('close', () => {
      this.inFlight.ended();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = res.statusCode;
      this.metrics.httpDuration.observe({ method: req.method, route: routeOf(req), status: String(status) }, seconds);
      const command = commandTypeOf(req);
      if (command) this.metrics.commandDuration.observe({ command, outcome: outcomeOf(status) }, seconds);
    });
    next();
  }
}

function outcomeOf(status: number): string {
  if (status < 400) return 'ok';
  if (status === 409 || status === 412) return 'conflict';
  return status >= 500 ? 'error' : 'rejected';
}
