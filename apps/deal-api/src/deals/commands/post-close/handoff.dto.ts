import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { OptionalEvidenceDto } from '../shared/fact.dto';

const USER_ID = /^[A-Za-z0-9._@-]{1,100}$/;

/** Who runs the day-to-day after the close. */
export class HandoffDto extends OptionalEvidenceDto {
  @ApiProperty({ pattern: USER_ID.source, example: 'ivan.impl' })
  @Matches(USER_ID)
  implementationLeadId!: string;

  @ApiProperty({ pattern: USER_ID.source, example: 'olivia.csm' })
  @Matches(USER_ID)
  customerSuccessManagerId!: string;
}
