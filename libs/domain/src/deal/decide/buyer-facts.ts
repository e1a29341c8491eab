import { Evidence } from '../../shared/evidence';
import { copyEvidence, requireEvidence } from '../../shared/evidence-check';
import { isMinorAmount } from '../../shared/money';
import { requireText } from '../../shared/required';
import { parseInstantOrDate } from '../../shared/time';
import { DealCommand, DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { minorIn } from './amounts';
import { DealContext } from './deal-context';
import { dealDeskReview } from './deal-desk';
import { requireMayChangeCommercialTerms, requireOpen } from './guards';

export const BUYER_FACT_COMMANDS = [
  'RecordContactMade', 'RecordBuyerResponded', 'BookMeeting', 'ConfirmDecisionMaker', 'NoteBudget',
  'NoteDecisionTimeframe', 'RecordDemoHeld', 'ScheduleNextMeeting', 'RecordRecapEmailSent', 'RecordRecapConfirmed',
  'DeliverProposal', 'RecordProposalAcknowledged', 'AgreeTerms',
] as const;

export type BuyerFactCommand = DealCommandOf<(typeof BUYER_FACT_COMMANDS)[number]>;

export function isBuyerFactCommand(command: DealCommand): command is BuyerFactCommand {
  return (BUYER_FACT_COMMANDS as readonly string[]).includes(command.type);
}

/** Records one fact, with its evidence, on an open deal; terms beyond the deal desk's limits also ask for approval. */
export function recordBuyerFact(command: BuyerFactCommand, context: DealContext): DealEvent[] {
  requireOpen(context, command.type);
  const fact = toFactEvent(command, context, copyEvidence(requireEvidence(command.data.evidence)));
  return fact.type === 'TermsAgreed' ? [fact, ...dealDeskReview(fact, context, command.metadata.commandId)] : [fact];
}

function toFactEvent(command: BuyerFactCommand, context: DealContext, ev: Evidence): DealEvent {
  switch (command.type) {
    case 'RecordContactMade':
      return { type: 'ContactMade', data: { channel: requireText(command.data.channel, 'channel'), evidence: ev } };
    case 'RecordBuyerResponded':
      return { type: 'BuyerResponded', data: { evidence: ev } };
    case 'BookMeeting':
    case 'ScheduleNextMeeting': {
      const { meetingId, scheduledFor } = command.data;
      requireText(meetingId, 'meetingId');
      parseInstantOrDate(scheduledFor, 'scheduledFor');
      const type = command.type === 'BookMeeting' ? 'MeetingBooked' : 'NextMeetingScheduled';
      return { type, data: { meetingId, scheduledFor, evidence: ev } };
    }
    case 'ConfirmDecisionMaker': {
      const { contactName, contactTitle } = command.data;
      requireText(contactName, 'contactName');
      return {
        type: 'DecisionMakerConfirmed',
        data: contactTitle === undefined ? { contactName, evidence: ev } : { contactName, contactTitle, evidence: ev },
      };
    }
    case 'NoteBudget': {
      const currency = context.state.currency;
      const maxMinor = minorIn(command.data.maxMinor, currency, 'max');
      const minMinor = command.data.minMinor === undefined ? undefined : minorIn(command.data.minMinor, currency, 'min');
      if (!isMinorAmount(maxMinor)) throw DealErrors.invalidAmount('maxMinor', maxMinor);
      if (minMinor !== undefined && (!isMinorAmount(minMinor) || minMinor > maxMinor)) {
        throw DealErrors.invalidAmount('minMinor', minMinor);
      }
      return { type: 'BudgetNoted', data: minMinor === undefined ? { maxMinor, evidence: ev } : { minMinor, maxMinor, evidence: ev } };
    }
    case 'NoteDecisionTimeframe':
      parseInstantOrDate(command.data.decisionBy, 'decisionBy');
      return { type: 'DecisionTimeframeNoted', data: { decisionBy: command.data.decisionBy, evidence: ev } };
    case 'RecordDemoHeld':
      return {
        type: 'DemoHeld',
        data: { attended: command.data.attended === true, questionsAnswered: command.data.questionsAnswered === true, evidence: ev },
      };
    case 'RecordRecapEmailSent':
      return { type: 'RecapEmailSent', data: { evidence: ev } };
    case 'RecordRecapConfirmed':
      if (!context.state.facts.RecapEmailSent) throw DealErrors.recapNotSent();
      return { type: 'RecapConfirmedByBuyer', data: { evidence: ev } };
    case 'DeliverProposal':
      return { type: 'ProposalDelivered', data: { evidence: ev } };
    case 'RecordProposalAcknowledged':
      return { type: 'ProposalAcknowledged', data: { evidence: ev } };
    case 'AgreeTerms': {
      requireMayChangeCommercialTerms(context, command.type);
      const { paymentTerms, deliveryTimeline } = command.data;
      const priceMinor = minorIn(command.data.priceMinor, context.state.currency, 'price');
      if (!isMinorAmount(priceMinor)) throw DealErrors.invalidAmount('priceMinor', priceMinor);
      requireText(paymentTerms, 'paymentTerms');
      requireText(deliveryTimeline, 'deliveryTimeline');
      return { type: 'TermsAgreed', data: { priceMinor, paymentTerms, deliveryTimeline, evidence: ev } };
    }
  }
}
