import { Module } from '@nestjs/common';
import { AccountTeamController } from './account-team/account-team.controller';
import { DefaultTeamController } from './default-team/default-team.controller';
import { TeamCommandHandler } from './team-command.handler';

const controllers = [DefaultTeamController, AccountTeamController];
const providers = [TeamCommandHandler];

/** Standing teams: a rep's default deal team and each account's team. */
@Module({ controllers, providers })
export class TeamsModule {}
