import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Post } from '@nestjs/common';
import { Access } from '../../auth/access.decorator';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { CommissionCommandHandler } from '../commands/commission-command.handler';
import { ApiCommissionCommand } from '../../openapi/api-operations';
import { COMMISSION_COMMAND } from '../../openapi/error-codes';
import { AssignPlanDto } from './assign-plan.dto';

/** Which plan a person is paid on, and when. */
@ApiTags('commission')
@Controller('commission/assignments')
export class AssignmentsController {
  constructor(private readonly commands: CommissionCommandHandler) {}

  @Post()
  @Access('commission:AssignPlan')
  @ApiCommissionCommand(
    'Put a person on a plan for a period (finance; periods may not overlap)',
    COMMISSION_COMMAND,
    { 400: ['COMMISSION.ASSIGNMENT_INVALID', 'MONEY.INVALID'], 409: ['COMMISSION.ASSIGNMENT_OVERLAP'] },
  )
  assign(@Body() b: AssignPlanDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, 'assignment', b.userId, 'AssignPlan', {
      userId: b.userId, planId: b.planId, effectiveFrom: b.effectiveFrom, effectiveTo: b.effectiveTo,
      quotaMinor: b.quota === undefined ? undefined : { decimal: b.quota }, currency: b.currency,
    });
  }
}
