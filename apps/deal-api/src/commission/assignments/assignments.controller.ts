import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { assignmentsOf, CommissionFactsDocument, commissionFactsProjection, planNames, ReadModel } from '@deals/projections';
import { ReadModelSource } from '../../projections/read-model.source';
import { ReadOptionsDto } from '../../projections/read-options.dto';
import { Access } from '../../auth/access.decorator';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { CommissionCommandHandler } from '../commands/commission-command.handler';
import { ApiCommissionCommand, ApiPersonId, ApiReadModelAnswer } from '../../openapi/api-operations';
import { COMMISSION_COMMAND, PERSON_READ } from '../../openapi/error-codes';
import { PlanAssignmentSchema, presentAssignment } from '../answers/assignment.answer';
import { AssignPlanDto, EndAssignmentDto } from './assign-plan.dto';

/** Which plan a person is paid on, and when. */
@ApiTags('commission')
@Controller('commission/assignments')
export class AssignmentsController {
  constructor(
    private readonly commands: CommissionCommandHandler,
    private readonly reads: ReadModelSource,
  ) {}

  @Get(':personId')
  @Access('person:read')
  @ApiPersonId()
  @ApiReadModelAnswer('A person\'s plan assignments: plan, period, quota, and early endings', [PlanAssignmentSchema], PERSON_READ)
  ofPerson(@Param('personId') personId: string, @Query() q: ReadOptionsDto) {
    return this.reads.answer(commissionFactsProjection.name, q, (m: ReadModel<CommissionFactsDocument>) => {
      const planName = planNames(m);
      return assignmentsOf(m, personId).map((assignment) => presentAssignment(assignment, planName));
    });
  }

  @Post(':userId/end')
  @Access('commission:EndPlanAssignment')
  @ApiParam({ name: 'userId', schema: { type: 'string' } })
  @ApiCommissionCommand(
    'End a person\'s plan assignment early (finance, never one\'s own): its last day becomes effectiveTo',
    COMMISSION_COMMAND, { 400: ['COMMISSION.ASSIGNMENT_INVALID'], 404: ['COMMISSION.ASSIGNMENT_NOT_FOUND'] },
  )
  end(@Param('userId') userId: string, @Body() b: EndAssignmentDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, 'assignment', userId, 'EndPlanAssignment', { userId, effectiveFrom: b.effectiveFrom, effectiveTo: b.effectiveTo });
  }

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
