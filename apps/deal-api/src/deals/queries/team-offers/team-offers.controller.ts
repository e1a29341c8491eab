import { ApiProperty, ApiSchema, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Inject, Param, Req } from '@nestjs/common';
import { Request } from 'express';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { Access } from '../../../auth/access.decorator';
import { LiveUserDirectory } from '../../../auth/live-user-directory';
import { ApiDealId, ApiRead } from '../../../openapi/api-operations';
import { DEAL_READ } from '../../../openapi/error-codes';
import { OfferedMemberSchema } from '../../../openapi/schemas';
import { offeredMembers, readStandingTeams } from '../../../teams/standing-teams';
import { DealIdPipe } from '../../commands/shared/deal-id.pipe';
import { dealAsOf, readDeal } from '../load-deal';

@ApiSchema({ name: 'TeamOffers', description: 'Members the standing teams offer the deal, for the rep to pick from.' })
class TeamOffersSchema {
  @ApiProperty({ format: 'uuid' }) dealId!: string;
  @ApiProperty({ type: [OfferedMemberSchema], description: 'Empty once the deal is closed, and for teams that add their members automatically.' })
  offered!: OfferedMemberSchema[];
}

/** Who the owner's default team and the account's team offer, now, to an open deal. */
@ApiTags('team')
@Controller('deals/:dealId/team/offers')
export class TeamOffersController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: LiveUserDirectory,
  ) {}

  @Get()
  @Access('deal:read')
  @ApiDealId()
  @ApiRead('Members the standing teams in `offer` mode offer the deal and who are not on it yet; add one with POST /deals/{dealId}/team', TeamOffersSchema, DEAL_READ)
  async get(@Param('dealId', DealIdPipe) dealId: string, @Req() req: Request) {
    const { state } = dealAsOf(dealId, req.dealStream ?? await readDeal(this.store, dealId));
    if (state.status !== 'open') return { dealId, offered: [] };
    const standing = await readStandingTeams(this.store, this.directory, state.ownerId, state.account.name);
    return { dealId, offered: offeredMembers(standing, state.team) };
  }
}
