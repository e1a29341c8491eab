import { Module } from '@nestjs/common';
import { BoardController } from './board.controller';
import { DashboardController } from './dashboard.controller';

/** The web dashboard: its built files at /app/, and the board and dispute-queue reads it uses. */
@Module({ controllers: [BoardController, DashboardController] })
export class WebModule {}
