import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Request } from 'express';
import { DestinationStream, LevelWithSilent, stdTimeFunctions } from 'pino';
import { Options } from 'pino-http';
import { Params } from 'nestjs-pino';
import { RequestMethod } from '@nestjs/common';
import { correlationIdOf } from '../request-context/request-context.decorator';
import { routeOf } from './request-route';

/** Headers that carry credentials: never logged, even if a line ever includes headers. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-csrf-token"]',
];

export interface LogSettings {
  readonly level: string;
  readonly pretty: boolean;
  /** Where the lines go (tests capture them); default stdout. */
  readonly destination?: DestinationStream;
}

/**
 * nestjs-pino's parameters: one JSON line per request (method, route pattern, status, duration,
 * actor, correlation id) and Nest's own logger through the same pino. Bodies, URLs with their
 * query, and headers are never logged.
 */
export function loggerParams(settings: LogSettings): Params {
  const options: Options = {
    level: settings.level,
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Each line of a request carries its correlation id, not the request itself.
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'correlationId', responseTime: 'durationMs' },
    genReqId: (req) => correlationIdOf(req as Request) ?? randomUUID(),
    customLogLevel: (_req, res, error): LevelWithSilent => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res) => `${req.method} ${routeOf(req as Request)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${routeOf(req as Request)} ${res.statusCode}`,
    customSuccessObject: (req, res, value: { durationMs: number }) => requestLine(req, res, value.durationMs),
    customErrorObject: (req, res, _error, value: { durationMs: number }) => requestLine(req, res, value.durationMs),
    ...(settings.pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } } : {}),
  };
  return {
    pinoHttp: settings.destination && !settings.pretty ? [options, settings.destination] : options,
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}

function requestLine(req: IncomingMessage, res: ServerResponse, durationMs: number) {
  const request = req as Request;
  return {
    method: request.method,
    route: routeOf(request),
    status: res.statusCode,
    durationMs,
    ...(request.actor ? { actorId: request.actor.id } : {}),
  };
}
