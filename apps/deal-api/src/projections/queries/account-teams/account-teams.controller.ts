import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Query } from '@nestjs/common';
import { AccountTeamDocument, accountTeamsProjection, listAccountTeams } from '@deals/projections';
import { Access } from '../../../auth/access.decorator';
import { ApiReadModelQuery } from '../../../openapi/api-operations';
import { REPORT } from '../../../openapi/error-codes';
import { ReadModelSource } from '../../read-model.source';
import { AccountTeamsDto } from './account-teams.dto';

/** Every account's team, from the account-teams projection. */
@ApiTags('teams')
@Controller('account-teams')
export class AccountTeamsController {
  constructor(private readonly source: ReadModelSource) {}

  @Get()
  @Access('account-team:read')
  @ApiReadModelQuery('Every account team, by account name: members, their deal-team roles and access, the mode, who set it and when', REPORT)
  list(@Query() q: AccountTeamsDto) {
    return this.source.answer<AccountTeamDocument, AccountTeamDocument[]>(accountTeamsProjection.name, q, (m) => listAccountTeams(m, { member: q.member }));
  }
}
