import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';

/** A manager's answer to terms beyond the deal desk's limits. */
export class DecideDealDeskDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  decision!: 'approve' | 'reject';

  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Why the exception is granted or refused; kept on the deal.', example: 'Strategic logo; three-year commitment' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
