import { ArgumentsHost } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { AsOfScanError } from '@deals/projections';
import { AccessDenialLog } from '../auth/access-denial.log';
import { HttpErrorFilter } from './http-error.filter';

/** The filter's answer to an error, through Nest's Express adapter and a response that records what was sent. */
function answerTo(error: unknown): { status: number; body: { statusCode: number; error: string; details?: Record<string, unknown> } } {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    setHeader: () => response,
    getHeader: () => undefined,
    status: (status: number) => ((sent.status = status), response),
    json: (body: unknown) => ((sent.body = body), response),
    headersSent: false,
  };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ method: 'GET', path: '/x' }) }) } as unknown as ArgumentsHost;
  const adapterHost = new HttpAdapterHost();
  adapterHost.httpAdapter = new ExpressAdapter();
  new HttpErrorFilter({} as AccessDenialLog, adapterHost).catch(error, host);
  return { status: sent.status!, body: sent.body as never };
}

describe('HttpErrorFilter', () => {
  it('answers a listing as of a past moment that would fold every stream again with 400 READ.AS_OF_SCAN, naming the projection', () => {
    const { status, body } = answerTo(new AsOfScanError('audit'));
    expect(status).toBe(400);
    expect(body).toMatchObject({ statusCode: 400, error: 'READ.AS_OF_SCAN', details: { projection: 'audit' } });
  });

  it('answers an error it does not know with 500 INTERNAL', () => {
    expect(answerTo(new Error('boom')).body).toMatchObject({ statusCode: 500, error: 'INTERNAL' });
  });
});
