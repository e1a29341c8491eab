import { commandBody, fieldsOf, formProblems, initialValues } from './fact-form-model';
import { FACT_STEPS } from './fact-steps-model';

describe('a deal command as a form', () => {
  it('names what is missing before sending, by the fields\' labels', () => {
    const step = FACT_STEPS.ScheduleNextMeeting;
    const fields = fieldsOf(step);
    expect(formProblems(fields, initialValues(fields))).toEqual([
      'Meeting id (calendar) is required.', 'Meeting on is required.', 'Evidence reference is required.',
    ]);
    expect(formProblems(fields, { ...initialValues(fields), meetingId: 'cal-2', scheduledFor: '2026-02-01T10:00', evidenceRef: 'x', evidenceUrl: 'ftp://x' }))
      .toEqual(['Evidence link must be an http(s) link.']);
    expect(formProblems(fieldsOf(FACT_STEPS.NoteBudget), { max: 'lots', evidenceRef: 'r' })).toEqual(['Budget up to must be an amount such as 60000.00.']);
  });

  it('builds the command\'s body with its evidence and when it happened', () => {
    const step = FACT_STEPS.ConfirmDecisionMaker;
    const values = {
      ...initialValues(fieldsOf(step)), contactName: ' Dana Buyer ', evidenceRef: '<dm@acme.example>', evidenceUrl: 'https://mail.example/dm',
      evidenceNote: 'Dana, CFO', occurredAt: '2026-01-10T09:30',
    };
    expect(commandBody(step, values)).toEqual({
      contactName: 'Dana Buyer',
      evidence: { kind: 'meeting', ref: '<dm@acme.example>', url: 'https://mail.example/dm', note: 'Dana, CFO' },
      occurredAt: new Date('2026-01-10T09:30').toISOString(),
    });
  });

  it('sends booleans for the demo, money with a decimal point, and no time when none was given', () => {
    expect(commandBody(FACT_STEPS.RecordDemoHeld, { ...initialValues(fieldsOf(FACT_STEPS.RecordDemoHeld)), evidenceRef: 'demo-1' }))
      .toEqual({ attended: true, questionsAnswered: true, evidence: { kind: 'meeting', ref: 'demo-1' } });
    expect(commandBody(FACT_STEPS.AgreeTerms, { price: '80000,50', paymentTerms: 'Net 30', deliveryTimeline: 'Q3', evidenceKind: 'document', evidenceRef: 'terms.pdf' }))
      .toEqual({ price: '80000.50', paymentTerms: 'Net 30', deliveryTimeline: 'Q3', evidence: { kind: 'document', ref: 'terms.pdf' } });
  });
});
