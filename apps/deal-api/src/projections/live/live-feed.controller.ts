import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { Subscription } from 'rxjs';
import { Actor, authorizeDealRead, DomainError, PermissionDeniedError, readsEveryDeal } from '@deals/domain';
import { DealSummary, dealSummaryProjection, LoggedChange } from '@deals/projections';
import { AccessDenialRecorder } from '../../auth/access-denial.recorder';
import { UserDirectory } from '../../auth/user-directory';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { ProjectionRunnerService } from '../projection-runner.provider';
import { ApiErrors } from '../../openapi/api-errors';
import { AUTHENTICATED, QUERY } from '../../openapi/error-codes';
import { LiveFeedDto } from './live-feed.dto';

/** Past this much unsent data a client is too slow: it is disconnected and resumes with Last-Event-ID. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events of projection changes: `id` is the change id, `event` the projection,
 * `data` {key, doc, position, eventId, eventType}. Reconnecting with Last-Event-ID replays
 * everything after it from the change log, then continues live, in order and without gaps.
 */
@ApiTags('live')
@Controller('live')
export class LiveFeedController {
  constructor(
    private readonly runner: ProjectionRunnerService,
    private readonly users: UserDirectory,
    private readonly denials: AccessDenialRecorder,
  ) {}

  @Get('projections')
  @ApiOperation({
    summary: 'Server-sent events of projection changes',
    description:
      'Each message: `id` = change id (monotonic), `event` = projection name, `data` = `{key, doc, position, eventId, eventType}` (the whole document after the change). '
      + 'Reconnecting with `Last-Event-ID` (or `?lastEventId=`) replays every change after it, then goes on live, in order, without gaps. '
      + 'Org-wide roles may subscribe to every projection; the others get `deal-summary` only, narrowed to the deals they may read.',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this change id.', schema: { type: 'string', pattern: '^\\d{1,15}$' } })
  @ApiOkResponse({
    description: 'An endless event stream; a comment line every 15 s keeps proxies from closing it.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiErrors(AUTHENTICATED, QUERY, { 400: ['LIVE.LAST_EVENT_ID_INVALID'], 403: ['AUTH.PERMISSION_DENIED'], 404: ['PROJECTION.UNKNOWN'] })
  async stream(
    @Query() q: LiveFeedDto,
    @Headers('last-event-id') lastEventHeader: string | undefined,
    @Ctx() ctx: RequestContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const everything = readsEveryDeal(ctx.actor);
    const names = q.projections?.split(',').map((n) => n.trim()).filter(Boolean) ?? (everything ? this.runner.names : [dealSummaryProjection.name]);
    const unknown = names.filter((n) => !this.runner.names.includes(n));
    if (unknown.length) {
      throw new DomainError('PROJECTION.UNKNOWN', 'not_found', `Unknown projection(s): ${unknown.join(', ')}`, { known: this.runner.names });
    }
    const visible = everything ? () => true : await this.dealFilter(ctx.actor, names);
    const resumeFrom = lastEventHeader ?? q.lastEventId;
    if (resumeFrom !== undefined && !/^\d{1,15}$/.test(resumeFrom)) {
      throw new DomainError('LIVE.LAST_EVENT_ID_INVALID', 'invalid', 'Last-Event-ID must be a change id from this feed');
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');

    let sentUpTo = resumeFrom === undefined ? this.runner.lastChangeId() : Number(resumeFrom);
    const send = (c: LoggedChange) => {
      if (c.id <= sentUpTo || !names.includes(c.projection)) return;
      sentUpTo = c.id;
      if (!visible(c)) return;
      const data = { key: c.key, doc: c.doc ?? null, position: c.position, eventId: c.eventId, eventType: c.eventType };
      res.write(`id: ${c.id}\nevent: ${c.projection}\ndata: ${JSON.stringify(data)}\n\n`);
      if (res.writableLength > MAX_BUFFERED_BYTES) res.end();
    };
    // Live changes are held back until the backlog has been sent, so order is kept.
    const pending: LoggedChange[] = [];
    let replaying = true;
    const live: Subscription = this.runner.changes$.subscribe((c) => (replaying ? pending.push(c) : send(c)));
    for (let batch = this.runner.changesAfter(sentUpTo, names, 1000); batch.length; batch = this.runner.changesAfter(sentUpTo, names, 1000)) {
      batch.forEach(send);
    }
    pending.forEach(send);
    replaying = false;

    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const close = () => {
      clearInterval(heartbeat);
      live.unsubscribe();
    };
    req.on('close', close);
    res.on('close', close);
  }

  /**
   * Who does not read every deal gets the deal-summary feed only, narrowed to the deals they may
   * read (the same rule as GET /deals/:id); other projections carry every deal, so they are refused.
   */
  private async dealFilter(actor: Actor, names: readonly string[]): Promise<(c: LoggedChange) => boolean> {
    const refused = names.filter((n) => n !== dealSummaryProjection.name);
    if (refused.length) {
      const error = new PermissionDeniedError(actor, {
        permission: 'live:read', resource: `live/${refused.join(',')}`, reason: 'role', allowedRoles: ['sales-ops', 'finance', 'admin'],
        explanation: `the live feed of ${refused.join(', ')} shows every deal; only deal-summary is narrowed to the deals you may read`,
      });
      await this.denials.record(error);
      throw error;
    }
    const managers = await this.users.managers();
    return (c) => {
      const doc = c.doc as DealSummary | undefined;
      if (!doc) return false;
      return authorizeDealRead(actor, { dealId: doc.dealId, ownerId: doc.ownerId, team: doc.team, status: doc.status }, (p) => managers.get(p)).allowed;
    };
  }
}
