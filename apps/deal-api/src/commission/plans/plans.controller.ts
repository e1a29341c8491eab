import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { Actor, DomainError, PermissionDeniedError, rolesGranted } from '@deals/domain';
import {
  assignmentsOf, assignmentsOnPlan, CommissionFactsDocument, commissionFactsProjection, planNames, planWithVersions, plansList, ReadModel,
} from '@deals/projections';
import { Access } from '../../auth/access.decorator';
import { AccessPolicy } from '../../auth/access-policy';
import { LiveUserDirectory } from '../../auth/live-user-directory';
import { ReadModelSource } from '../../projections/read-model.source';
import { ReadOptionsDto } from '../../projections/read-options.dto';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { CommissionCommandHandler } from '../commands/commission-command.handler';
import { ApiCommissionCommand, ApiReadModelAnswer } from '../../openapi/api-operations';
import { COMMISSION_COMMAND, READ_MODEL } from '../../openapi/error-codes';
import { PlanAssignmentSchema, presentAssignment } from '../answers/assignment.answer';
import { PlanSchema, PlanSummarySchema } from '../answers/plan.answer';
import { PublishPlanVersionDto } from './publish-plan-version.dto';

const PLAN_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Commission plans: versioned, effective-dated definitions published by finance. */
@ApiTags('commission')
@Controller('commission/plans')
export class PlansController {
  constructor(
    private readonly commands: CommissionCommandHandler,
    private readonly reads: ReadModelSource,
    private readonly access: AccessPolicy,
    private readonly users: LiveUserDirectory,
  ) {}

  @Get()
  @Access('plan:read')
  @ApiReadModelAnswer('Every commission plan with its latest version (others than finance, sales-ops and admin: the plans of the people they may read)', [PlanSummarySchema], READ_MODEL)
  list(@Query() q: ReadOptionsDto, @Ctx() ctx: RequestContext) {
    const readable = this.readablePlans(ctx.actor);
    return this.reads.answer(commissionFactsProjection.name, q, (m: ReadModel<CommissionFactsDocument>) => {
      const plans = plansList(m);
      return readable ? plans.filter((plan) => readable(m).has(plan.planId)) : plans;
    });
  }

  @Get(':planId')
  @Access('plan:read')
  @ApiParam({ name: 'planId', schema: { type: 'string', pattern: PLAN_ID.source } })
  @ApiReadModelAnswer('A commission plan with every version published, oldest first', PlanSchema, READ_MODEL, { 403: ['AUTH.PERMISSION_DENIED'], 404: ['COMMISSION.PLAN_NOT_FOUND'] })
  async plan(@Param('planId') planId: string, @Query() q: ReadOptionsDto, @Ctx() ctx: RequestContext) {
    const readable = this.readablePlans(ctx.actor);
    const answer = await this.reads.answer(commissionFactsProjection.name, q, (m: ReadModel<CommissionFactsDocument>) => ({
      plan: planWithVersions(m, planId), mine: readable ? readable(m).has(planId) : true,
    }));
    if (!answer.result.plan) throw new DomainError('COMMISSION.PLAN_NOT_FOUND', 'not_found', `No commission plan ${planId}`, { planId });
    if (!answer.result.mine) {
      throw new PermissionDeniedError(ctx.actor, {
        permission: 'plan:read', resource: `plan/${planId}`, reason: 'other-person', allowedRoles: rolesGranted('plan:read'),
        explanation: 'the plan is not one of the people you may read',
      });
    }
    return { ...answer, result: answer.result.plan };
  }

  @Get(':planId/assignments')
  @Access('plan:assignments')
  @ApiParam({ name: 'planId', schema: { type: 'string', pattern: PLAN_ID.source } })
  @ApiReadModelAnswer('Everyone put on the plan, with their periods and early endings (finance, sales-ops, admin)', [PlanAssignmentSchema], READ_MODEL)
  onPlan(@Param('planId') planId: string, @Query() q: ReadOptionsDto) {
    return this.reads.answer(commissionFactsProjection.name, q, (m: ReadModel<CommissionFactsDocument>) => {
      const planName = planNames(m);
      return assignmentsOnPlan(m, planId).map((assignment) => presentAssignment(assignment, planName));
    });
  }

  /** The plans of the people the caller may read; undefined for those who read every plan. */
  private readablePlans(actor: Actor): ((m: ReadModel<CommissionFactsDocument>) => Set<string>) | undefined {
    if (!this.access.check('plan:read', actor, { kind: 'organisation' }).narrowed) return undefined;
    const people = this.users.all().map((user) => user.userId).filter(this.access.personFilter(actor));
    return (m) => new Set(people.flatMap((personId) => assignmentsOf(m, personId).map((a) => a.planId)));
  }

  @Post(':planId/versions')
  @Access('commission:PublishPlanVersion')
  @ApiParam({ name: 'planId', schema: { type: 'string', pattern: PLAN_ID.source } })
  @ApiCommissionCommand(
    'Publish the next version of a commission plan (finance)',
    COMMISSION_COMMAND,
    { 400: ['COMMISSION.PLAN_ID_INVALID', 'COMMISSION.PLAN_INVALID', 'COMMISSION.PLAN_ID_MISMATCH'], 409: ['COMMISSION.PLAN_VERSION_CONFLICT'] },
  )
  publish(@Param('planId') planId: string, @Body() b: PublishPlanVersionDto, @Ctx() ctx: RequestContext) {
    if (!PLAN_ID.test(planId)) throw new DomainError('COMMISSION.PLAN_ID_INVALID', 'invalid', 'planId must be 1-100 of A-Z a-z 0-9 . _ -');
    return this.commands.handle(ctx, 'plan', planId, 'PublishPlanVersion', { planId, version: b.version, name: b.name, effectiveFrom: b.effectiveFrom, rules: b.rules });
  }
}
