import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { Access } from '../../auth/access.decorator';
import { DomainError } from '@deals/domain';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { CommissionCommandHandler } from '../commands/commission-command.handler';
import { ApiCommissionCommand } from '../../openapi/api-operations';
import { COMMISSION_COMMAND } from '../../openapi/error-codes';
import { PublishPlanVersionDto } from './publish-plan-version.dto';

const PLAN_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Commission plans: versioned, effective-dated definitions published by finance. */
@ApiTags('commission')
@Controller('commission/plans')
export class PlansController {
  constructor(private readonly commands: CommissionCommandHandler) {}

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
