import { Module } from '@nestjs/common';
import { DealsModule } from '../deals/deals.module';
import { DemoLoader } from './demo-loader.service';

@Module({ imports: [DealsModule], providers: [DemoLoader] })
export class DemoModule {}
