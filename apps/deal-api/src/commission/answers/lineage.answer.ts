import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Lineage, PlanRef } from '@deals/domain';
import { LineageEventSchema } from './event-ref.answer';

@ApiSchema({ name: 'PlanVersionRef', description: 'A plan version, by id, number and name.' })
export class PlanVersionRefSchema implements PlanRef {
  @ApiProperty({ example: 'ae-fy26' }) planId!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty({ example: 'AE FY26 v1' }) name!: string;
}

type SplitRef = NonNullable<Lineage['split']>;

@ApiSchema({ name: 'LineageSplit', description: 'The person\'s share in the split in force at the close.' })
export class LineageSplitSchema implements SplitRef {
  @ApiProperty({ enum: ['CreditSplitsSet', 'owner-default'], description: '`owner-default`: no split was set; the owner holds 100% revenue credit.' })
  source!: SplitRef['source'];
  @ApiProperty({ enum: ['revenue', 'overlay'] }) creditType!: SplitRef['creditType'];
  @ApiProperty({ type: 'integer', description: 'Basis points (10,000 = 100%).', example: 7000 }) shareBp!: number;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
}

@ApiSchema({ name: 'LineLineage', description: 'How a line was computed: from which events, under which split, plan version and rule.' })
export class LineLineageSchema implements Lineage {
  @ApiPropertyOptional() dealId?: string;
  @ApiProperty({ type: [LineageEventSchema] }) events!: readonly LineageEventSchema[];
  @ApiPropertyOptional({ type: LineageSplitSchema }) split?: LineageSplitSchema;
  @ApiPropertyOptional({ type: PlanVersionRefSchema }) plan?: PlanVersionRefSchema;
  @ApiProperty({ description: 'The plan rule applied.', example: 'productRates[X]' }) rule!: string;
  @ApiProperty({ description: 'The computation with the numbers used.', example: '40,000.00 × 70.00% × 20.00% = 5,600.00' }) arithmetic!: string;
}
