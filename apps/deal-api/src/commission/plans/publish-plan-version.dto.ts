import { IsInt, IsObject, IsString, Length, Matches, Min } from 'class-validator';

/** A new version of a commission plan. `rules` is checked by the domain, which names every problem. */
export class PublishPlanVersionDto {
  @IsInt()
  @Min(1)
  version!: number;

  @IsString()
  @Length(1, 200)
  name!: string;

  /** The date the version takes effect (YYYY-MM-DD). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be a date YYYY-MM-DD' })
  effectiveFrom!: string;

  @IsObject()
  rules!: Record<string, unknown>;
}
