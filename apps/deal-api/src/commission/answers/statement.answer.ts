import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { LINE_KINDS, LineKind, PendingPay, Statement, StatementNote, StatementTotal } from '@deals/domain';
import { DealNames } from '@deals/projections';
import { amount, CURRENCY, decimal, minor } from './amount';
import { presentAttainment, QuotaAttainmentSchema } from './attainment.answer';
import { PlanVersionRefSchema } from './lineage.answer';
import { LINE_SCHEMAS, LINES, presentLine } from './lines/line-kinds';
import { StatementLineSchema } from './lines/statement-line.answer';
import { AmountByLineKindSchema, MinorByLineKindSchema } from './by-line-kind';
import { PeriodCloseSchema } from './period.answer';

@ApiSchema({ name: 'StatementTotal', description: 'A statement\'s total in one currency, and its breakdown by line kind.' })
export class StatementTotalSchema implements StatementTotal {
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty(minor('total', 'The total')) totalMinor!: number;
  @ApiProperty(amount('total', 'The total')) total!: string;
  @ApiProperty({ type: MinorByLineKindSchema, description: 'Minor units per line kind (`byKindAmount` as decimal text).' }) byKind!: Record<LineKind, number>;
  @ApiProperty({ type: AmountByLineKindSchema, description: 'Decimal text per line kind.' }) byKindAmount!: Record<LineKind, string>;
}

@ApiSchema({ name: 'StatementNote', description: 'A deal with credit that pays nothing in the period, and why.' })
export class StatementNoteSchema implements StatementNote {
  @ApiPropertyOptional() dealId?: string;
  @ApiPropertyOptional({ example: 'Acme rollout' }) dealName?: string;
  @ApiPropertyOptional({ description: 'The plan in force at the close (as `plan.planId`), when there is one.' }) planId?: string;
  @ApiPropertyOptional({ description: 'The name of that plan version (as `plan.name`).', example: 'AE FY26 v1' }) planName?: string;
  @ApiPropertyOptional({ type: PlanVersionRefSchema }) plan?: PlanVersionRefSchema;
  @ApiProperty({ example: "acme: plan 'ae-fy26' pays at go-live; not live yet" }) problem!: string;
}

@ApiSchema({ name: 'PendingPay', description: 'Commission earned on a won deal, waiting for its payout trigger; not in the totals.' })
@ApiExtraModels(...LINE_SCHEMAS)
export class PendingPaySchema implements PendingPay {
  @ApiProperty() dealId!: string;
  @ApiPropertyOptional({ example: 'Acme rollout' }) dealName?: string;
  @ApiPropertyOptional({ description: 'The plan that will pay it.' }) planId?: string;
  @ApiPropertyOptional({ description: 'The name of that plan version.' }) planName?: string;
  @ApiProperty({ enum: ['go-live'], description: 'What it waits for.' }) waitsFor!: 'go-live';
  @ApiProperty({ format: 'date-time', description: 'The close (business time).' }) earnedAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'The go-live, when it came after the period\'s end.' }) payableAt?: string;
  @ApiProperty(minor('amount', 'What it will pay, accelerators included')) amountMinor!: number;
  @ApiProperty(amount('amount', 'What it will pay')) amount!: string;
  @ApiProperty(CURRENCY) currency!: string;
  @ApiProperty({ ...LINES, description: 'The lines it will pay, each with its lineage.' }) lines!: StatementLineSchema[];
}

@ApiSchema({ name: 'CommissionStatement', description: 'A person\'s commission statement for a quarter, each line with its lineage (docs/commissions.md).' })
@ApiExtraModels(...LINE_SCHEMAS)
export class StatementSchema implements Statement {
  @ApiProperty({ example: 'ana.ae' }) userId!: string;
  @ApiProperty({ example: '2026-Q1' }) period!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'The recorded moment the statement is as known at; absent: everything recorded.' }) asKnownAt?: string;
  @ApiProperty({ ...LINES, description: 'Commission, accelerator, SPIF, clawback and adjustment lines, told apart by `kind`.' }) lines!: StatementLineSchema[];
  @ApiProperty({ type: [StatementTotalSchema] }) totals!: StatementTotalSchema[];
  @ApiProperty({ type: [StatementNoteSchema] }) notes!: StatementNoteSchema[];
  @ApiProperty({ type: [PendingPaySchema], description: 'Earned by the period\'s end, not payable yet.' }) pending!: PendingPaySchema[];
  @ApiProperty({ type: QuotaAttainmentSchema }) attainment!: QuotaAttainmentSchema;
  @ApiPropertyOptional({ type: PeriodCloseSchema, description: 'Present when the period is closed: the statement is as known just before the close.' })
  closed?: PeriodCloseSchema;
}

export function presentStatement(statement: Statement, dealName: DealNames): StatementSchema {
  return {
    ...statement,
    lines: statement.lines.map((line) => presentLine(line, dealName)),
    totals: statement.totals.map(presentTotal),
    notes: statement.notes.map((note) => presentNote(note, dealName)),
    pending: statement.pending.map((pending) => presentPending(pending, dealName)),
    attainment: presentAttainment(statement.attainment),
  };
}

const presentTotal = (total: StatementTotal): StatementTotalSchema => ({
  ...total,
  total: decimal(total.totalMinor, total.currency),
  byKind: { ...total.byKind },
  byKindAmount: Object.fromEntries(LINE_KINDS.map((kind) => [kind, decimal(total.byKind[kind], total.currency)])) as Record<LineKind, string>,
});

function presentNote(note: StatementNote, dealName: DealNames): StatementNoteSchema {
  const name = note.dealId === undefined ? undefined : dealName(note.dealId);
  return { ...note, ...(name === undefined ? {} : { dealName: name }), ...(note.plan ? { planId: note.plan.planId, planName: note.plan.name } : {}) };
}

export function presentPending(pending: PendingPay, dealName: DealNames): PendingPaySchema {
  const name = dealName(pending.dealId);
  const plan = pending.lines[0]?.lineage.plan;
  return {
    ...pending,
    ...(name === undefined ? {} : { dealName: name }),
    ...(plan === undefined ? {} : { planId: plan.planId, planName: plan.name }),
    amount: decimal(pending.amountMinor, pending.currency),
    lines: pending.lines.map((line) => presentLine(line, dealName)),
  };
}
