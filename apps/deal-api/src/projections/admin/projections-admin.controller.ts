import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { DomainError } from '@deals/domain';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { ProjectionRunnerService } from '../projection-runner.provider';

const OPERATORS = ['admin', 'sales-ops'];

/** Projection health for operators: positions, lag, dead letters, and rebuilds. */
@Controller('projections')
export class ProjectionsAdminController {
  constructor(private readonly runner: ProjectionRunnerService) {}

  @Get()
  status() {
    return this.runner.status();
  }

  @Get(':name/dead-letters')
  deadLetters(@Param('name') name: string) {
    return { projection: name, deadLetters: this.runner.deadLetters(name) };
  }

  @Post(':name/rebuild')
  @HttpCode(200)
  async rebuild(@Param('name') name: string, @Ctx() ctx: RequestContext) {
    if (!ctx.actor.roles.some((r) => OPERATORS.includes(r))) {
      throw new DomainError('AUTH.FORBIDDEN', 'forbidden', 'Rebuilding a projection needs the admin or sales-ops role', {
        required: OPERATORS,
      });
    }
    const started = Date.now();
    const result = await this.runner.rebuild(name);
    return { projection: name, ...result, durationMs: Date.now() - started };
  }
}
