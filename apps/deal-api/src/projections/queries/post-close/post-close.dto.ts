import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PeriodDto } from '../period.dto';
import { AtMomentDto } from '../pipeline/pipeline.dto';

const ID = /^[A-Za-z0-9._@-]{1,100}$/;

export class PostCloseDealsDto extends AtMomentDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Deals won at or after.' }) @IsOptional() @IsISO8601({ strict: true }) closedFrom?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Deals won before.' }) @IsOptional() @IsISO8601({ strict: true }) closedTo?: string;
  @ApiPropertyOptional({ pattern: ID.source }) @IsOptional() @Matches(ID) implementationLeadId?: string;
  @ApiPropertyOptional({ pattern: ID.source }) @IsOptional() @Matches(ID) customerSuccessManagerId?: string;
}

export class PostCloseDurationsDto extends PeriodDto {
  /** Group by implementation lead or customer success manager; omit for the overall figures. */
  @ApiPropertyOptional({ enum: ['implementation-lead', 'customer-success-manager'], description: 'Group by person; omit for the overall figures.' })
  @IsOptional()
  @IsIn(['implementation-lead', 'customer-success-manager'])
  by?: 'implementation-lead' | 'customer-success-manager';
}
