import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { BoardController } from './board.controller';
import { DashboardController } from './dashboard.controller';

/** The web dashboard: its built files at /app/, and the board and dispute-queue reads it uses. */
@Module({ imports: [ProjectionsModule], controllers: [BoardController, DashboardController] })
export class WebModule {}
