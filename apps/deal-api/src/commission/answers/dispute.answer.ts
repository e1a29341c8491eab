import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { AdjustmentFact } from '@deals/domain';
import { DealNames, DisputeDocument, ProposedAdjustment } from '@deals/projections';
import { amount, CURRENCY, decimal, minor } from './amount';
import { EventRefSchema } from './event-ref.answer';
import { ReconstructionSchema } from './reconstruction.answer';

@ApiSchema({ name: 'DisputeProposedAdjustment', description: 'An adjustment a proposed acceptance would pay (or recover); nothing is paid until it is approved.' })
export class DisputeProposedAdjustmentSchema implements ProposedAdjustment {
  @ApiProperty({ description: '`<disputeId>-1`, `-2`, …; once paid its line is `adjustment:<adjustmentId>`.' }) adjustmentId!: string;
  @ApiProperty({ description: 'Who it pays.' }) userId!: string;
  @ApiProperty({ example: '2026-Q2' }) period!: string;
  @ApiProperty(minor('amount', 'Signed: positive pays more, negative recovers')) amountMinor!: number;
  @ApiProperty(amount('amount', 'Signed: positive pays more, negative recovers')) amount!: string;
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional() dealId?: string;
}

@ApiSchema({ name: 'DisputeAdjustment', description: 'An adjustment an accepted dispute pays (or recovers), as a line in the period it states.' })
export class DisputeAdjustmentSchema extends DisputeProposedAdjustmentSchema implements AdjustmentFact {
  @ApiProperty({ type: EventRefSchema, description: 'The DisputeAccepted event.' }) ref!: EventRefSchema;
  @ApiProperty({ format: 'uuid' }) disputeId!: string;
  @ApiProperty() approverId!: string;
  @ApiPropertyOptional({ description: 'The deal\'s name, when the disputed person has a part in it.' }) dealName?: string;
}

type Resolution = NonNullable<DisputeDocument['resolution']>;

@ApiSchema({ name: 'DisputeResolution' })
export class DisputeResolutionSchema implements Resolution {
  @ApiProperty({ type: EventRefSchema, description: 'The DisputeAccepted or DisputeRejected event.' }) ref!: EventRefSchema;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'The finance user who resolved it.' }) approverId!: string;
  @ApiPropertyOptional({ description: 'The second finance user who approved an acceptance above the threshold.' }) secondApproverId?: string;
}

type ApprovalStep = NonNullable<DisputeDocument['approvals']>[number];

@ApiSchema({ name: 'DisputeApprovalStep', description: 'An acceptance above the threshold proposed, or sent back by the second finance user.' })
export class DisputeApprovalStepSchema implements ApprovalStep {
  @ApiProperty({ type: EventRefSchema, description: 'The DisputeAcceptanceProposed or DisputeAcceptanceRejected event.' }) ref!: EventRefSchema;
  @ApiProperty({ enum: ['proposed', 'sent-back'] }) step!: 'proposed' | 'sent-back';
  @ApiProperty() by!: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ type: [DisputeProposedAdjustmentSchema], description: 'On a proposed acceptance: the adjustments it would issue.' })
  adjustments?: DisputeProposedAdjustmentSchema[];
}

@ApiSchema({ name: 'Dispute', description: 'A claim against one statement line, and how finance resolved it.' })
export class DisputeSchema implements DisputeDocument {
  @ApiProperty({ enum: ['dispute'] }) kind!: 'dispute';
  @ApiProperty({ format: 'uuid' }) disputeId!: string;
  @ApiProperty({ description: 'Whose statement.' }) userId!: string;
  @ApiProperty({ example: '2026-Q1' }) period!: string;
  @ApiProperty({ description: 'The disputed line\'s id.' }) lineId!: string;
  @ApiPropertyOptional() dealId?: string;
  @ApiPropertyOptional({ description: 'The deal\'s name, when the disputed person has a part in it.' }) dealName?: string;
  @ApiProperty() claim!: string;
  @ApiProperty({ type: EventRefSchema, description: 'The DisputeRaised event.' }) raised!: EventRefSchema;
  @ApiProperty({ enum: ['open', 'awaiting-approval', 'accepted', 'rejected'] }) status!: DisputeDocument['status'];
  @ApiPropertyOptional({ type: DisputeResolutionSchema }) resolution?: DisputeResolutionSchema;
  @ApiPropertyOptional({ type: [DisputeApprovalStepSchema], description: 'Acceptances above the threshold: proposed, sent back.' }) approvals?: readonly DisputeApprovalStepSchema[];
  @ApiProperty({ type: [DisputeAdjustmentSchema] }) adjustments!: DisputeAdjustmentSchema[];
  @ApiProperty({ type: 'integer', description: 'The dispute stream\'s revision.' }) revision!: number;
}

@ApiSchema({ name: 'DisputeReview', description: 'The dispute, and the disputed statement as known at two moments (default: the quarter\'s close and now), line by line.' })
export class DisputeReviewSchema {
  @ApiProperty({ type: DisputeSchema }) dispute!: DisputeSchema;
  @ApiProperty({ type: ReconstructionSchema }) reconstruction!: ReconstructionSchema;
  @ApiProperty({ type: 'integer', description: 'The global position the answer reflects.' }) position!: number;
}

/** `dealName`: names from the disputed person's facts, so a dispute naming someone else's deal does not reveal it. */
export function presentDispute(dispute: DisputeDocument, dealName: DealNames): DisputeSchema {
  const name = dispute.dealId === undefined ? undefined : dealName(dispute.dealId);
  const { approvals, ...rest } = dispute;
  return {
    ...rest,
    ...(name === undefined ? {} : { dealName: name }),
    adjustments: dispute.adjustments.map((adjustment) => presentAdjustment(adjustment, dealName)),
    ...(approvals === undefined ? {} : { approvals: approvals.map(presentApprovalStep) }),
  };
}

function presentApprovalStep(step: ApprovalStep): DisputeApprovalStepSchema {
  const { adjustments, ...rest } = step;
  return {
    ...rest,
    ...(adjustments === undefined ? {} : { adjustments: adjustments.map((a) => ({ ...a, amount: decimal(a.amountMinor, a.currency) })) }),
  };
}

function presentAdjustment(adjustment: AdjustmentFact, dealName: DealNames): DisputeAdjustmentSchema {
  const name = adjustment.dealId === undefined ? undefined : dealName(adjustment.dealId);
  return { ...adjustment, amount: decimal(adjustment.amountMinor, adjustment.currency), ...(name === undefined ? {} : { dealName: name }) };
}
