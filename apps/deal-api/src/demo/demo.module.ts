import { Module } from '@nestjs/common';
import { CommissionModule } from '../commission/commission.module';
import { DealsModule } from '../deals/deals.module';
import { DemoLoaderService } from './demo-loader.service';

@Module({ imports: [DealsModule, CommissionModule], providers: [DemoLoaderService] })
export class DemoModule {}
