import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

/** Approve or reject a change waiting for approval. */
export class ReviewChangeDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  decision!: 'approve' | 'reject';

  @ApiPropertyOptional({ minLength: 1, maxLength: 2000, description: 'Required to reject.' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

/** Withdrawing takes no fields. */
export class WithdrawChangeDto {}
