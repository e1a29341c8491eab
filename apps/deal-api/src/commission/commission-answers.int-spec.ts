import request from 'supertest';
import { formatMoney, LINE_KINDS } from '@deals/domain';
import { OPENAPI_JSON_PATH } from '../openapi/openapi';
import { answerValidators } from '../testing/openapi-json-schema';
import { approveIfProposed, createTestApp, email, FINANCE, MANAGER, OTHER_REP, REP, TestActor, TestApp } from '../testing/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- answers and the document are walked as plain JSON */
type Json = any;

const COMMISSION_READS = (path: string) => path.startsWith('/commission/') || path === '/board/disputes';
const REF = '#/components/schemas/';

/** Where a schema leaves a value untyped: an object without properties, an array without items, a node without a type. */
function looseSchemas(doc: Json, schema: Json, where: string, seen: Set<string>): string[] {
  if (typeof schema?.$ref === 'string') {
    const name = schema.$ref.replace(REF, '');
    if (seen.has(name)) return [];
    seen.add(name);
    return looseSchemas(doc, doc.components.schemas[name], name, seen);
  }
  const parts: Json[] = [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  if (parts.length > 0 && !schema.type) return parts.flatMap((part) => looseSchemas(doc, part, where, seen));
  if (schema.additionalProperties === true) return [`${where}: accepts any property`];
  switch (schema.type) {
    case 'object': {
      const extra = typeof schema.additionalProperties === 'object' ? looseSchemas(doc, schema.additionalProperties, `${where}{}`, seen) : [];
      if (!schema.properties && extra.length === 0 && typeof schema.additionalProperties !== 'object') return [`${where}: free-form object`];
      return [...extra, ...Object.entries(schema.properties ?? {}).flatMap(([name, property]) => looseSchemas(doc, property, `${where}.${name}`, seen))];
    }
    case 'array': return schema.items ? looseSchemas(doc, schema.items, `${where}[]`, seen) : [`${where}: array of anything`];
    case 'string': case 'integer': case 'number': case 'boolean': return [];
    default: return [`${where}: no type`];
  }
}

/** Every `<x>Minor` with its decimal twin `<x>` in the object's currency, and `byKind` with `byKindAmount`; plan rules are answered as published. */
function amountProblems(value: Json, where: string, checked: { count: number }): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => amountProblems(item, `${where}[${i}]`, checked));
  if (!value || typeof value !== 'object') return [];
  const problems: string[] = [];
  for (const [key, minor] of Object.entries(value)) {
    if (key === 'rules') continue;
    if (key.endsWith('Minor') && typeof minor === 'number') {
      const twin = key.slice(0, -'Minor'.length);
      checked.count++;
      if (value.currency === undefined) {
        if (value[twin] !== undefined) problems.push(`${where}.${twin}: an amount without a currency`);
      } else if (value[twin] !== formatMoney(minor, value.currency)) {
        problems.push(`${where}.${twin}: ${JSON.stringify(value[twin])}, expected ${formatMoney(minor, value.currency)} (${key} ${minor} ${value.currency})`);
      }
    }
    if (key === 'byKind') {
      for (const kind of LINE_KINDS) {
        checked.count++;
        if (value.byKindAmount?.[kind] !== formatMoney((minor as Record<string, number>)[kind], value.currency)) problems.push(`${where}.byKindAmount.${kind}`);
      }
    }
    problems.push(...amountProblems(minor, `${where}.${key}`, checked));
  }
  return problems;
}

describe('typed commission answers (real SQLite, HTTP)', () => {
  let t: TestApp;
  let doc: Json;
  let validator: ReturnType<typeof answerValidators>;
  let last = 0;
  let beforeAlphaClose = '';
  let disputeId = '';
  const deals: Record<string, string> = {};

  /** Posts, and has the manager approve what waits for approval (closes dated back, splits naming others). */
  const ok = async (actor: TestActor, path: string, body: object) => {
    const res = await t.as(actor).post(path, body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    const approved = res.body.proposalId === undefined ? res.body : await approveIfProposed(t, res.body.dealId, res.body, MANAGER);
    last = Math.max(last, res.body.position ?? 0, approved.position ?? 0);
    return res.body;
  };
  const open = async (key: string, name: string, currency: string, revenue?: [TestActor, number][]) => {
    const { dealId } = await ok(REP, '/deals', {
      name, account: { name: `${name} Inc.`, industry: 'retail' }, currency, expectedAmount: '100000.00',
      lineItems: [{ productCode: 'CORE', amount: '60000.00', quantity: 1 }, { productCode: 'X', amount: '40000.00', quantity: 1 }],
      team: [{ userId: REP.id, role: 'account-executive' }, { userId: OTHER_REP.id, role: 'account-executive' }],
      occurredAt: '2026-01-05T09:00:00.000Z',
    });
    deals[key] = dealId;
    if (revenue) await ok(REP, `/deals/${dealId}/splits`, { revenue: revenue.map(([who, shareBp]) => ({ userId: who.id, role: 'account-executive', shareBp })), occurredAt: '2026-01-05T09:30:00.000Z' });
    return dealId;
  };
  const win = async (dealId: string, at: string) => {
    for (const stage of ['product-evaluated', 'proposal-reviewed', 'terms-agreed']) {
      await ok(MANAGER, `/deals/${dealId}/stage/override`, { toStageId: stage, reason: 'Entered from the old CRM', occurredAt: '2026-01-20T10:00:00.000Z' });
    }
    await ok(REP, `/deals/${dealId}/terms`, { price: '100000.00', paymentTerms: 'Net 30', deliveryTimeline: 'Q2', evidence: email(`<terms-${dealId}@x>`), occurredAt: '2026-01-25T10:00:00.000Z' });
    return ok(REP, `/deals/${dealId}/close-won`, { signedOrder: { kind: 'signature', ref: `order-${dealId}` }, occurredAt: at });
  };
  /** The answer at `path`, checked against the schema of `documented` and for its amounts (at least `amounts` of them). */
  const answer = async (actor: TestActor, path: string, documented: string, amounts = 0) => {
    const res = await t.as(actor).get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${last}`).expect(200);
    const validate = validator('get', documented);
    const valid = validate(res.body);
    expect({ path, errors: valid ? [] : validate.errors }).toEqual({ path, errors: [] });
    const checked = { count: 0 };
    expect({ path, amounts: amountProblems(res.body, path, checked) }).toEqual({ path, amounts: [] });
    expect(checked.count).toBeGreaterThanOrEqual(amounts);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await request(t.app.getHttpServer()).get(OPENAPI_JSON_PATH).expect(200)).body;
    validator = answerValidators(doc);

    await ok(FINANCE, '/commission/plans/ae-2026/versions', {
      version: 1, name: 'AE 2026 v1', effectiveFrom: '2026-01-01',
      rules: {
        creditType: 'revenue', currency: 'EUR', baseRateBp: 1000, productRates: [{ productCode: 'X', rateBp: 2000 }],
        verticalIncentives: [{ industry: 'retail', extraRateBp: 100 }],
        spifs: [{ id: 'x-push', productCode: 'X', metric: 'quantity', target: 1, bonusMinor: 50_000 }],
        accelerators: { quarterEnd: { days: 10, multiplierBp: 12_500 }, attainmentTiers: [{ aboveAttainmentBp: 5000, multiplierBp: 11_000 }] },
        payoutTrigger: 'close', clawbackWindowDays: 90,
      },
    });
    await ok(FINANCE, '/commission/plans/golive-2026/versions', {
      version: 1, name: 'Go-live 2026', effectiveFrom: '2026-01-01',
      rules: { creditType: 'revenue', currency: 'EUR', baseRateBp: 1000, payoutTrigger: 'go-live', clawbackWindowDays: 90, clawbackWindowFrom: 'go-live' },
    });
    await ok(FINANCE, '/commission/assignments', { userId: REP.id, planId: 'ae-2026', effectiveFrom: '2026-01-01', quota: '50000.00', currency: 'EUR' });
    await ok(FINANCE, '/commission/assignments', { userId: OTHER_REP.id, planId: 'golive-2026', effectiveFrom: '2026-01-01', currency: 'EUR' });

    // Bravo: Ana's alone, won and reversed inside the window (commission, then a clawback).
    const bravo = await open('bravo', 'Bravo pilot', 'EUR');
    await win(bravo, '2026-02-10T10:00:00.000Z');
    await ok(MANAGER, `/deals/${bravo}/reversal`, { reason: 'Contract cancelled', occurredAt: '2026-03-01T10:00:00.000Z' });
    // Charlie: in USD, which Ana's EUR plan does not pay (a note).
    await win(await open('charlie', 'Charlie expansion', 'USD'), '2026-02-20T10:00:00.000Z');
    // Delta: open (the estimate).
    await open('delta', 'Delta renewal', 'EUR');
    // Alpha: split 50/50, won in the quarter's last days (commission, accelerator, SPIF; Ben's go-live pay pending).
    const alpha = await open('alpha', 'Alpha rollout', 'EUR', [[REP, 5000], [OTHER_REP, 5000]]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    beforeAlphaClose = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await win(alpha, '2026-03-25T10:00:00.000Z');

    const raised = await ok(REP, '/commission/disputes', { userId: REP.id, period: '2026-Q1', lineId: `${alpha}:commission:X`, dealId: alpha, claim: 'The X line is short' });
    disputeId = raised.id;
    await ok(FINANCE, `/commission/disputes/${disputeId}/resolution`, {
      decision: 'accept', reason: 'Agreed', adjustments: [{ userId: REP.id, period: '2026-Q1', amount: '100.50', currency: 'EUR', dealId: alpha }],
    });
    // Finance closes Q1; a split change dated into Q1 and approved later corrects it in Q2 (prior-period lines).
    await ok(FINANCE, '/commission/periods/2026-Q1/close', {});
    await ok(REP, `/deals/${alpha}/splits`, {
      revenue: [{ userId: REP.id, role: 'account-executive', shareBp: 6000 }, { userId: OTHER_REP.id, role: 'account-executive', shareBp: 4000 }],
      occurredAt: '2026-03-20T10:00:00.000Z', reason: 'Ana led the technical close',
    });
  });
  afterAll(() => t?.close());

  it('types every commission answer all the way down: no free-form object, no untyped value', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    let answers = 0;
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>).filter(([path]) => COMMISSION_READS(path))) {
      for (const [method, op] of Object.entries(item as Record<string, Json>)) {
        for (const [status, response] of Object.entries(op.responses as Record<string, Json>).filter(([status]) => status.startsWith('2'))) {
          answers++;
          // The statements' CSV export is text, described as such.
          const schema = response.content?.['application/json']?.schema ?? response.content?.['text/csv']?.schema;
          problems.push(...(schema ? looseSchemas(doc, schema, `${method.toUpperCase()} ${path} ${status}`, seen) : [`${method.toUpperCase()} ${path} ${status}: no schema`]));
        }
      }
    }
    expect(problems).toEqual([]);
    expect(answers).toBeGreaterThanOrEqual(15);
    expect(seen.size).toBeGreaterThan(40);
    // The walk finds what it looks for: the untyped envelope other projections still answer with.
    expect(looseSchemas(doc, { $ref: `${REF}ReadModelAnswer` }, 'ReadModelAnswer', new Set())).toEqual(['ReadModelAnswer.result: free-form object']);
  });

  it('answers statements that validate against their schemas, every line kind, amounts twice, deals and plans by name', async () => {
    const path = '/commission/statements/{personId}';
    const ana = (await answer(REP, `/commission/statements/${REP.id}?period=2026-Q1`, path, 15)).result;
    const q2 = (await answer(REP, `/commission/statements/${REP.id}?period=2026-Q2`, path, 3)).result;
    expect(new Set([...ana.lines, ...q2.lines].map((line: Json) => line.kind))).toEqual(new Set(LINE_KINDS));
    expect(ana.closed).toMatchObject({ closedBy: FINANCE.id });
    const correction = q2.lines.find((line: Json) => line.kind === 'prior-period' && line.lineage.priorPeriod.lineId === `${deals.alpha}:commission:X`);
    expect(correction.lineage.priorPeriod).toMatchObject({ period: '2026-Q1', currency: 'EUR', frozen: expect.any(String), knownNow: expect.any(String) });
    expect(correction.lineage.events.map((e: Json) => e.role)).toEqual(expect.arrayContaining(['late-fact', 'period-close']));
    expect(correction.lineage.events.find((e: Json) => e.role === 'late-fact')).toMatchObject({ type: 'CreditSplitsSet', approval: { proposedBy: REP.id, approvedBy: MANAGER.id } });
    const accelerator = ana.lines.find((line: Json) => line.kind === 'accelerator');
    expect(accelerator).toMatchObject({ dealId: deals.alpha, dealName: 'Alpha rollout', planId: 'ae-2026', planName: 'AE 2026 v1', currency: 'EUR' });
    expect(ana.lines.find((line: Json) => line.kind === 'clawback')).toMatchObject({ dealName: 'Bravo pilot', amount: expect.stringMatching(/^-\d+\.\d{2}$/) });
    expect(ana.lines.find((line: Json) => line.kind === 'adjustment')).toMatchObject({ amountMinor: 10_050, amount: '100.50', dealName: 'Alpha rollout' });
    expect(ana.notes).toEqual([expect.objectContaining({ dealId: deals.charlie, dealName: 'Charlie expansion', planId: 'ae-2026', planName: 'AE 2026 v1' })]);
    expect(ana.attainment).toMatchObject({ quotaMinor: 5_000_000, quota: '50000.00', credited: '150000.00', tier: { index: 0 } });
    expect(ana.totals[0].total).toBe(formatMoney(ana.totals[0].totalMinor, 'EUR'));

    const ben = (await answer(OTHER_REP, `/commission/statements/${OTHER_REP.id}?period=2026-Q1`, path)).result;
    // Q1 is closed: as known at its close, Ben's 50% waited for go-live.
    expect(ben.pending).toEqual([expect.objectContaining({ dealName: 'Alpha rollout', planName: 'Go-live 2026', waitsFor: 'go-live', amount: '5000.00' })]);
  });

  it('answers reconstructions, attainment and estimates that validate against their schemas', async () => {
    const recon = (await answer(REP, `/commission/statements/${REP.id}/reconstruction?period=2026-Q1&knownAtA=${beforeAlphaClose}`, '/commission/statements/{personId}/reconstruction', 40)).result;
    expect(recon.differences.find((d: Json) => d.kind === 'accelerator')).toMatchObject({ dealName: 'Alpha rollout', amountA: '0.00' });
    await answer(REP, `/commission/statements/${REP.id}/attainment?period=2026-Q1`, '/commission/statements/{personId}/attainment');
    const estimate = (await answer(REP, `/commission/statements/${REP.id}/estimate`, '/commission/statements/{personId}/estimate')).result;
    expect(estimate.lines).toEqual([expect.objectContaining({ dealName: 'Delta renewal', planName: 'AE 2026 v1' })]);
    const awaiting = (await answer(OTHER_REP, `/commission/statements/${OTHER_REP.id}/estimate`, '/commission/statements/{personId}/estimate')).result;
    // Ben's 40% after the approved split change (10% of 40,000.00).
    expect(awaiting.awaitingPayoutTotals).toEqual([{ currency: 'EUR', amountMinor: 400_000, amount: '4000.00' }]);
  });

  it('answers disputes, plans and assignments that validate against their schemas', async () => {
    const review = await answer(FINANCE, `/commission/disputes/${disputeId}`, '/commission/disputes/{disputeId}');
    expect(review.dispute).toMatchObject({ dealName: 'Alpha rollout', adjustments: [{ amount: '100.50', dealName: 'Alpha rollout' }] });
    expect((await answer(FINANCE, '/board/disputes', '/board/disputes')).result).toHaveLength(1);
    expect((await answer(FINANCE, '/commission/plans', '/commission/plans')).result).toHaveLength(2);
    const plan = (await answer(FINANCE, '/commission/plans/ae-2026', '/commission/plans/{planId}')).result;
    expect(plan.versions[0].rules.spifs[0].bonusMinor).toBe(50_000);
    await answer(FINANCE, '/commission/plans/ae-2026/assignments', '/commission/plans/{planId}/assignments');
    const periods = (await answer(FINANCE, '/commission/periods', '/commission/periods')).result;
    expect(periods.find((p: Json) => p.period === '2026-Q1')).toMatchObject({ status: 'closed', closed: { closedBy: FINANCE.id } });
    expect((await answer(REP, '/commission/periods/2026-Q2', '/commission/periods/{period}')).result).toMatchObject({ status: 'open', ended: true });
    expect((await answer(REP, `/commission/assignments/${REP.id}`, '/commission/assignments/{personId}')).result).toEqual([
      expect.objectContaining({ planName: 'AE 2026 v1', quotaMinor: 5_000_000, quota: '50000.00' }),
    ]);
  });

  it('fails an answer with a field its schema does not declare, or a line of no known kind', () => {
    const validate = validator('get', '/commission/assignments/{personId}');
    const assignment = {
      ref: { eventId: '7d1a0f8e-1c2b-4d3e-8f9a-0b1c2d3e4f5a', position: 1, type: 'CommissionPlanAssigned', streamId: 'assignment-x', occurredAt: '2026-01-01T00:00:00.000Z', recordedAt: '2026-01-01T00:00:00.000Z' },
      userId: 'x', planId: 'p', effectiveFrom: '2026-01-01', currency: 'EUR',
    };
    expect(validate({ result: [assignment], position: 1 })).toBe(true);
    expect(validate({ result: [{ ...assignment, surprise: 1 }], position: 1 })).toBe(false);
    const statement = validator('get', '/commission/statements/{personId}');
    const line = { lineId: 'l', kind: 'bonus', amountMinor: 1, amount: '0.01', currency: 'EUR', dueAt: '2026-01-01T00:00:00.000Z', lineage: { events: [], rule: 'r', arithmetic: 'a' } };
    const body = { result: { userId: 'x', period: '2026-Q1', lines: [line], totals: [], notes: [], pending: [], attainment: { userId: 'x', period: '2026-Q1', creditedMinor: 0 } }, position: 1 };
    expect(statement(body)).toBe(false);
    expect(statement({ ...body, result: { ...body.result, lines: [{ ...line, kind: 'accelerator' }] } })).toBe(true);
  });
});
