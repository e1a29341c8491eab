import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Access } from '../../auth/access.decorator';
import { ApiRead } from '../../openapi/api-operations';
import { AUTHENTICATED } from '../../openapi/error-codes';
import { DeadLettersSchema, ProjectionStatusSchema, RebuildResultSchema } from '../../openapi/schemas';
import { ProjectionHost } from '../projection-host';

const PROJECTION_NAME = { name: 'name', description: 'A projection name, e.g. `deal-summary`, `audit`.', schema: { type: 'string' } } as const;

/** Projection health for operators: positions, lag, dead letters, and rebuilds. */
@ApiTags('projections')
@Controller('projections')
export class ProjectionsAdminController {
  constructor(private readonly runner: ProjectionHost) {}

  @Get()
  @Access('projections:status')
  @ApiRead('Every projection\'s version, position, lag, state, dead-letter count and the thread that folds it', [ProjectionStatusSchema], AUTHENTICATED, { 503: ['STORE.UNAVAILABLE'] })
  status() {
    return this.runner.status();
  }

  @Get(':name/dead-letters')
  @Access('projections:dead-letters')
  @ApiParam(PROJECTION_NAME)
  @ApiRead('The events a projection could not apply', DeadLettersSchema, AUTHENTICATED, { 404: ['PROJECTION.UNKNOWN'] })
  deadLetters(@Param('name') name: string) {
    return { projection: name, deadLetters: this.runner.deadLetters(name) };
  }

  @Post(':name/rebuild')
  @Access('projections:rebuild')
  @HttpCode(200)
  @ApiParam(PROJECTION_NAME)
  @ApiRead(
    { summary: 'Rebuild a projection from position 0 and swap it in (admin, sales-ops)', status: 200 },
    RebuildResultSchema,
    AUTHENTICATED, { 404: ['PROJECTION.UNKNOWN'], 409: ['PROJECTION.REBUILD_FAILED'], 503: ['STORE.UNAVAILABLE', 'PROJECTION.WORKER_DOWN'] },
  )
  async rebuild(@Param('name') name: string) {
    const started = Date.now();
    const result = await this.runner.rebuild(name);
    return { projection: name, ...result, durationMs: Date.now() - started };
  }
}
