import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Headers, Inject, Logger, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { DomainError } from '@deals/domain';
import { dealSummaryProjection, LoggedChange } from '@deals/projections';
import { Access } from '../../auth/access.decorator';
import { AccessPolicy } from '../../auth/access-policy';
import { ReadScope } from '../queries/read-model/read-scope';
import { API_CONFIG, ApiConfig } from '../../config/api-config';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { ProjectionHost } from '../projection-host';
import { ApiErrors } from '../../openapi/api-errors';
import { AUTHENTICATED, QUERY } from '../../openapi/error-codes';
import { LiveFeedDto } from './live-feed.dto';
import { DEFAULT_LIVE_FEED_LIMITS, LiveFeedLimits } from './live-feed-limits';
import { LiveSubscribers } from './live-subscribers';
import { runnerChangeSource } from './runner-change-source';
import { SseSubscriber } from './sse-subscriber';

/**
 * Server-sent events of projection changes: `id` is the change id, `event` the projection,
 * `data` {key, doc, position, eventId, eventType}. Reconnecting with Last-Event-ID replays
 * everything after it from the change log, then continues live, in order and without gaps.
 */
@ApiTags('live')
@Controller('live')
export class LiveFeedController {
  private readonly logger = new Logger('LiveFeed');
  private readonly limits: LiveFeedLimits;

  constructor(
    private readonly runner: ProjectionHost,
    private readonly access: AccessPolicy,
    private readonly scope: ReadScope,
    private readonly subscribers: LiveSubscribers,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.limits = { ...DEFAULT_LIVE_FEED_LIMITS, ...config.liveFeed };
  }

  @Get('projections')
  @Access('live:deal-summary')
  @ApiOperation({
    summary: 'Server-sent events of projection changes',
    description:
      'Each message: `id` = change id (monotonic), `event` = projection name, `data` = `{key, doc, position, eventId, eventType}` (the whole document after the change). '
      + 'Reconnecting with `Last-Event-ID` (or `?lastEventId=`) replays every change after it, then goes on live, in order, without gaps. '
      + 'A client that falls too far behind is cut off after a last `event: overflow`; one the server closes (an expired token, a revoked personal token, a session signed out, changed rights, a shutdown) gets a last `event: closed` with `data: {"reason": …}`; both resume with `Last-Event-ID`. '
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
    const everything = this.access.check('live:every-projection', ctx.actor, { kind: 'organisation' }).allowed;
    const names = q.projections?.split(',').map((n) => n.trim()).filter(Boolean) ?? (everything ? this.runner.names : [dealSummaryProjection.name]);
    const unknown = names.filter((n) => !this.runner.names.includes(n));
    if (unknown.length) {
      throw new DomainError('PROJECTION.UNKNOWN', 'not_found', `Unknown projection(s): ${unknown.join(', ')}`, { known: this.runner.names });
    }
    const visible = this.visibility(ctx, names);
    const resumeFrom = lastEventHeader ?? q.lastEventId;
    if (resumeFrom !== undefined && !/^\d{1,15}$/.test(resumeFrom)) {
      throw new DomainError('LIVE.LAST_EVENT_ID_INVALID', 'invalid', 'Last-Event-ID must be a change id from this feed');
    }
    const subscriber = new SseSubscriber(res, runnerChangeSource(this.runner, names), {
      visible,
      afterId: resumeFrom === undefined ? this.runner.lastChangeId() : Number(resumeFrom),
      limits: this.limits,
      log: (m) => this.logger.warn(m),
    });
    this.subscribers.add({
      actor: ctx.actor, projections: names, subscriber, expiresAt: req.tokenExpiresAt ?? Date.now(),
      credential: { sessionId: req.sessionId, personalTokenId: req.personalTokenId },
    });
    void subscriber.ended.then((reason) => {
      if (reason === 'overflow' || reason === 'stalled') this.logger.log(`live feed of ${ctx.actor.id} cut off (${reason}); it resumes with Last-Event-ID`);
    });
    subscriber.start();
  }

  /**
   * Projections other than deal-summary carry every deal: `live:every-projection`. Deal summaries
   * are sent of the deals the caller may read now (their current owner, team and status).
   */
  private visibility(ctx: RequestContext, names: readonly string[]): (c: LoggedChange) => boolean {
    if (names.some((n) => n !== dealSummaryProjection.name)) {
      this.access.assert('live:every-projection', ctx.actor, { kind: 'organisation' });
      return () => true;
    }
    const visible = this.scope.dealVisibility('live:deal-summary', ctx.actor);
    return visible === undefined ? () => true : (c) => visible(c.key);
  }
}
