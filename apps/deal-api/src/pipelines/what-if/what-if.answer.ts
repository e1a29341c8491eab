import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'WhatIfRatio', description: 'An exact fraction and its percentage rounded half-up (null for 0/0).' })
export class WhatIfRatioSchema {
  @ApiProperty({ type: 'integer' }) numerator!: number;
  @ApiProperty({ type: 'integer' }) denominator!: number;
  @ApiProperty({ type: 'integer', nullable: true }) percent!: number | null;
}

@ApiSchema({ name: 'WhatIfStayDays', description: 'Completed stays in the stage: count, median and p90 (nearest rank) in fractional days.' })
export class WhatIfStayDaysSchema {
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: 'number', nullable: true }) medianDays!: number | null;
  @ApiProperty({ type: 'number', nullable: true }) p90Days!: number | null;
}

@ApiSchema({ name: 'WhatIfStage', description: 'One open stage of the definition, over the replayed history.' })
export class WhatIfStageSchema {
  @ApiProperty() stageId!: string;
  @ApiProperty() stageName!: string;
  @ApiProperty({ type: 'integer', description: 'Deals that entered the stage.' }) entered!: number;
  @ApiProperty({ type: 'integer', description: 'Deals that moved on to the next open stage (or closed won from the last).' }) leftToNext!: number;
  @ApiProperty({ type: WhatIfRatioSchema, description: 'leftToNext over entered.' }) conversion!: WhatIfRatioSchema;
  @ApiProperty({ type: WhatIfStayDaysSchema }) days!: WhatIfStayDaysSchema;
  @ApiProperty({ type: 'number', nullable: true }) stuckAfterDays!: number | null;
  @ApiProperty({ type: 'integer', description: 'Open deals in the stage at the end of the window for longer than stuckAfterDays.' }) stuck!: number;
}

@ApiSchema({ name: 'WhatIfCycle', description: 'Opening to won close, of the deals won and not reversed.' })
export class WhatIfCycleSchema {
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: 'number', nullable: true }) medianDays!: number | null;
}

@ApiSchema({ name: 'WhatIfMetrics', description: 'Pipeline metrics of one definition over the replayed history.' })
export class WhatIfMetricsSchema {
  @ApiProperty() pipelineId!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [WhatIfStageSchema] }) stages!: WhatIfStageSchema[];
  @ApiProperty({ type: 'integer' }) open!: number;
  @ApiProperty({ type: 'integer', description: 'Won and not reversed.' }) won!: number;
  @ApiProperty({ type: 'integer' }) lost!: number;
  @ApiProperty({ type: 'integer' }) reversed!: number;
  @ApiProperty({ type: WhatIfCycleSchema }) cycle!: WhatIfCycleSchema;
}

@ApiSchema({ name: 'WhatIf', description: 'Two definitions over the same recorded history (nothing written).' })
export class WhatIfSchema {
  @ApiProperty({ type: WhatIfMetricsSchema }) baseline!: WhatIfMetricsSchema;
  @ApiProperty({ type: WhatIfMetricsSchema }) candidate!: WhatIfMetricsSchema;
  @ApiProperty({ type: 'integer', description: 'Deals of the pipeline opened in the window.' }) deals!: number;
  @ApiProperty({ type: 'integer', description: 'Events read from the store.' }) eventsRead!: number;
}
