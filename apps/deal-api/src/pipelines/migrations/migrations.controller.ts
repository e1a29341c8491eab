import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { DomainError } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { Access } from '../../auth/access.decorator';
import { DealCommandHandler } from '../../deals/commands/deal-command.handler';
import { ApiPipelineMigration, ApiRead } from '../../openapi/api-operations';
import { AUTHENTICATED, COMMAND, JSON_BODY } from '../../openapi/error-codes';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { LivePipelineCatalog } from '../live-pipeline-catalog';
import { ApiPipelineId, pipelineIdOf } from '../pipeline-params';
import { MigrationDryRunSchema } from './migration.answer';
import { MigrateDealsDto, MigrationDryRunDto } from './migration.dto';
import { migrationPlan } from './migration-plan';

const MIGRATION_ERRORS = { 400: ['PIPELINE.ID_INVALID', 'PIPELINE.UNKNOWN'], 403: ['AUTH.PERMISSION_DENIED'], 404: ['PIPELINE.NOT_FOUND'] };

/** Moving the open deals of a pipeline to a newer version: a dry run to review, then one event per deal. */
@ApiTags('pipelines')
@Controller('pipelines/:pipelineId/migrations')
export class MigrationsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: LivePipelineCatalog,
    private readonly deals: DealCommandHandler,
  ) {}

  @Post('dry-run')
  @HttpCode(200)
  @Access('pipeline:migrate')
  @ApiPipelineId()
  @ApiRead('Where each open deal on an older version would land under the new one, each criterion met or missing (writes nothing)',
    MigrationDryRunSchema, JSON_BODY, AUTHENTICATED, MIGRATION_ERRORS)
  dryRun(@Param('pipelineId') id: string, @Body() b: MigrationDryRunDto) {
    return migrationPlan(this.store, this.catalog, pipelineIdOf(id), b.toVersion);
  }

  @Post()
  @Access('pipeline:migrate')
  @ApiPipelineId()
  @ApiPipelineMigration(
    'Move every open deal on an older version to this one: one DealPipelineMigrated per deal (sales-ops, admin; idempotent)',
    JSON_BODY, COMMAND, MIGRATION_ERRORS, { 412: ['PIPELINE.DRY_RUN_STALE'] },
  )
  async migrate(@Param('pipelineId') id: string, @Body() b: MigrateDealsDto, @Ctx() ctx: RequestContext) {
    const plan = await migrationPlan(this.store, this.catalog, pipelineIdOf(id), b.toVersion);
    if (b.dryRunDigest !== undefined && b.dryRunDigest !== plan.digest) {
      throw new DomainError('PIPELINE.DRY_RUN_STALE', 'precondition',
        'The open deals or their facts changed since the dry run; run it again and review the new findings.', { expected: b.dryRunDigest, actual: plan.digest });
    }
    const migrated = [];
    const failed = [];
    for (const deal of plan.deals) {
      // One key per deal, from the caller's or from the target version: a retry writes nothing twice.
      const idempotencyKey = `${ctx.idempotencyKey ?? `pipeline-migration:${plan.pipelineId}:${plan.toVersion}`}:${deal.dealId}`;
      try {
        const result = await this.deals.handle({ actor: ctx.actor, correlationId: ctx.correlationId, idempotencyKey }, deal.dealId, 'MigrateDealPipeline', { toVersion: plan.toVersion });
        migrated.push(result);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        failed.push({ dealId: deal.dealId, error: error.code, message: error.message });
      }
    }
    return { pipelineId: plan.pipelineId, toVersion: plan.toVersion, digest: plan.digest, migrated, failed };
  }
}
