import {
  ApprovalReason, DealDeskReason, DealEventType, DealTeamRole, lostStage, PipelineCatalog, postCloseStages, TeamMember, wonStage,
} from '@deals/domain';
import { RecordedEvent } from '@deals/event-store';
import { toUtcInstant } from './business-time';
import { DealDeskSummary, DealSummary } from './deal-summary';
import { enterStage, stageFacts } from './stage-history';

// A Record rather than a list so the compiler insists on every deal event type.
const DEAL_EVENT_TYPES: Readonly<Record<DealEventType, true>> = {
  DealOpened: true, ContactMade: true, BuyerResponded: true, MeetingBooked: true, DecisionMakerConfirmed: true,
  BudgetNoted: true, DecisionTimeframeNoted: true, DemoHeld: true, NextMeetingScheduled: true, RecapEmailSent: true,
  RecapConfirmedByBuyer: true, ProposalDelivered: true, ProposalAcknowledged: true, TermsAgreed: true,
  AmountChanged: true, StageAdvanced: true, StageOverridden: true, DealClosedWon: true, DealClosedLost: true,
  WonDealReversed: true, DealHandedToImplementation: true, ImplementationStarted: true, DealWentLive: true,
  TeamMemberAdded: true, TeamMemberRemoved: true, CreditSplitsSet: true, WonAmountCorrected: true,
  DealChangeProposed: true, DealChangeApproved: true, DealChangeRejected: true, DealChangeWithdrawn: true,
  DealDeskApprovalRequested: true, DealDeskApproved: true, DealDeskRejected: true,
  BuyerFactRecorded: true, DealPipelineMigrated: true,
};

type Data = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const minor = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;

/** A deal event whose stored form cannot be read: the runner dead-letters it instead of guessing. */
export class MalformedDealEventError extends Error {
  constructor(event: RecordedEvent, problem: string) {
    super(`${event.type} at position ${event.position} (${event.streamId}) is malformed: ${problem}`);
    this.name = 'MalformedDealEventError';
  }
}

/**
 * The summary after one recorded event. Pure: events of other types leave the document as it
 * was; a deal event with data of the wrong shape or without a usable time throws
 * MalformedDealEventError; an event the document has already seen (same or lower stream
 * revision) changes nothing, so a redelivery is harmless.
 */
export function applyToDealSummary(
  catalog: PipelineCatalog, doc: DealSummary | undefined, event: RecordedEvent,
): DealSummary | undefined {
  if (!Object.prototype.hasOwnProperty.call(DEAL_EVENT_TYPES, event.type)) return doc;
  if (typeof event.data !== 'object' || event.data === null) throw new MalformedDealEventError(event, 'data is not an object');
  const at = toUtcInstant(event.metadata?.occurredAt) ?? toUtcInstant(event.metadata?.recordedAt);
  if (at === undefined) throw new MalformedDealEventError(event, 'neither occurredAt nor recordedAt is a valid time');
  const data = event.data as Data;
  if (doc === undefined) return event.type === 'DealOpened' ? opened(catalog, data, event, at) : undefined;
  if (event.revision <= doc.revision) return doc;
  const next = evolve(catalog, doc, event.type as DealEventType, data, actorId(event), at);
  return {
    ...next,
    lastEventAt: at > doc.lastEventAt ? at : doc.lastEventAt,
    lastPosition: event.position,
    revision: event.revision,
  };
}

function opened(catalog: PipelineCatalog, data: Data, event: RecordedEvent, at: string): DealSummary | undefined {
  const dealId = text(data.dealId);
  const name = text(data.name);
  const ownerId = text(data.ownerId);
  const currency = text(data.currency);
  const amountMinor = minor(data.expectedAmountMinor);
  const stageId = text(data.stageId);
  const account = data.account as Data | undefined;
  const pipeline = data.pipeline as Data | undefined;
  const accountName = text(account?.name);
  const industry = text(account?.industry);
  const pipelineId = text(pipeline?.id);
  const version = pipeline?.version;
  const missing = Object.entries({
    dealId, name, ownerId, currency, expectedAmountMinor: amountMinor, stageId, 'account.name': accountName,
    'pipeline.id': pipelineId, 'pipeline.version': typeof version === 'number' ? version : undefined,
  }).filter(([, v]) => v === undefined).map(([k]) => k);
  if (missing.length > 0) throw new MalformedDealEventError(event, `missing or invalid ${missing.join(', ')}`);
  const ref = { id: pipelineId!, version: version as number };
  return {
    dealId: dealId!, name: name!, account: industry === undefined ? { name: accountName! } : { name: accountName!, industry },
    ownerId: ownerId!, currency: currency!, amountMinor: amountMinor!, pipeline: ref,
    stageId: stageId!, ...stageFacts(catalog, ref, stageId!, 'open'), stageEnteredAt: at,
    status: 'open', reversed: false, openedAt: at,
    team: [], everOnTeam: [], stageHistory: [{ stageId: stageId!, enteredAt: at, via: 'opened' }], meetingsHeld: [], postClose: {},
    lastEventAt: at, lastPosition: event.position, revision: event.revision,
  };
}

function evolve(
  catalog: PipelineCatalog, doc: DealSummary, type: DealEventType, data: Data, actor: string | undefined, at: string,
): DealSummary {
  const definition = catalog.get(doc.pipeline.id, doc.pipeline.version);
  const postCloseStep = (index: number) => (definition ? postCloseStages(definition)[index]?.id : undefined);
  switch (type) {
    case 'AmountChanged': {
      const amountMinor = minor(data.expectedAmountMinor);
      return amountMinor === undefined ? doc : { ...doc, amountMinor };
    }
    case 'WonAmountCorrected': {
      const amountMinor = minor(data.amountMinor);
      return amountMinor === undefined ? doc : { ...doc, amountMinor };
    }
    case 'DealChangeProposed':
      return changeProposed(doc, data, at);
    case 'DealChangeApproved':
    case 'DealChangeRejected':
    case 'DealChangeWithdrawn':
      return { ...doc, pendingChanges: (doc.pendingChanges ?? []).filter((p) => p.proposalId !== text(data.proposalId)) };
    case 'TermsAgreed':
      return doc.dealDesk === undefined ? doc : withoutDealDesk(doc);
    case 'DealDeskApprovalRequested':
      return dealDeskRequested(doc, data, at);
    case 'DealDeskApproved':
    case 'DealDeskRejected': {
      if (doc.dealDesk === undefined || doc.dealDesk.requestId !== text(data.requestId)) return doc;
      const decidedBy = text(data.approverId);
      const reason = text(data.reason);
      const status = type === 'DealDeskApproved' ? 'approved' : 'rejected';
      return {
        ...doc,
        dealDesk: { ...doc.dealDesk, status, decidedAt: at, ...(decidedBy === undefined ? {} : { decidedBy }), ...(reason === undefined ? {} : { decisionReason: reason }) },
      };
    }
    case 'StageAdvanced':
      return enterStage(catalog, doc, text(data.toStageId), at, 'advanced');
    case 'StageOverridden':
      return enterStage(catalog, doc, text(data.toStageId), at, 'overridden');
    case 'DealPipelineMigrated': {
      const version = data.toVersion;
      const stageId = text(data.stageId);
      if (typeof version !== 'number' || stageId === undefined) return doc;
      const migrated: DealSummary = { ...doc, pipeline: { id: doc.pipeline.id, version } };
      return stageId === doc.stageId
        ? { ...migrated, ...stageFacts(catalog, migrated.pipeline, stageId, doc.status) }
        : enterStage(catalog, migrated, stageId, at, 'migrated');
    }
    case 'DealClosedWon': {
      const won: DealSummary = { ...doc, status: 'won', closedAt: at, amountMinor: minor(data.amountMinor) ?? doc.amountMinor };
      return enterStage(catalog, won, definition && wonStage(definition)?.id, at, 'closed');
    }
    case 'DealClosedLost': {
      const reason = text(data.reason);
      const lost: DealSummary = { ...doc, status: 'lost', closedAt: at, ...(reason === undefined ? {} : { lostReason: reason }) };
      return enterStage(catalog, lost, definition && lostStage(definition)?.id, at, 'closed');
    }
    case 'WonDealReversed':
      return { ...doc, reversed: true, reversedAt: at };
    case 'DealHandedToImplementation': {
      const lead = text(data.implementationLeadId);
      const csm = text(data.customerSuccessManagerId);
      const postClose = {
        ...doc.postClose, handedOffAt: at,
        ...(lead === undefined ? {} : { implementationLeadId: lead }),
        ...(csm === undefined ? {} : { customerSuccessManagerId: csm }),
      };
      return enterStage(catalog, { ...doc, postClose }, postCloseStep(0), at, 'post-close');
    }
    case 'ImplementationStarted':
      return enterStage(catalog, { ...doc, postClose: { ...doc.postClose, implementationStartedAt: at } }, postCloseStep(1), at, 'post-close');
    case 'DealWentLive':
      return enterStage(catalog, { ...doc, postClose: { ...doc.postClose, liveAt: at } }, postCloseStep(2), at, 'post-close');
    case 'DemoHeld':
      return demoHeld(doc, data, actor, at);
    case 'ContactMade': {
      const channel = text(data.channel);
      if (channel === undefined || (doc.firstContact !== undefined && doc.firstContact.at <= at)) return doc;
      return { ...doc, firstContact: { channel, at } };
    }
    case 'DecisionTimeframeNoted': {
      const decisionBy = text(data.decisionBy);
      if (decisionBy === undefined || (doc.decisionTimeframe !== undefined && doc.decisionTimeframe.notedAt > at)) return doc;
      return { ...doc, decisionTimeframe: { decisionBy, notedAt: at } };
    }
    case 'TeamMemberAdded':
      return teamMemberAdded(doc, data);
    case 'TeamMemberRemoved': {
      const member = teamMember(data);
      return member === undefined ? doc : { ...doc, team: doc.team.filter((m) => !sameMember(m, member)) };
    }
    default:
      return doc;
  }
}

function changeProposed(doc: DealSummary, data: Data, at: string): DealSummary {
  const change = (data.change ?? {}) as Data;
  const proposalId = text(data.proposalId);
  const type = text(change.type);
  const proposedBy = text(data.proposedBy);
  const occurredAt = text(data.occurredAt);
  if (proposalId === undefined || type === undefined || proposedBy === undefined || occurredAt === undefined) return doc;
  const reasons = Array.isArray(data.reasons) ? data.reasons.filter((r): r is ApprovalReason => typeof r === 'string') : [];
  const pending = { proposalId, type, data: change.data, proposedBy, proposedAt: at, occurredAt, reasons };
  return { ...doc, pendingChanges: [...(doc.pendingChanges ?? []), pending] };
}

/** New terms replace the old ones and whatever the deal desk said about them. */
function withoutDealDesk(doc: DealSummary): DealSummary {
  const { dealDesk: _replaced, ...rest } = doc;
  return rest;
}

function dealDeskRequested(doc: DealSummary, data: Data, at: string): DealSummary {
  const requestId = text(data.requestId);
  const requestedBy = text(data.requestedBy);
  const paymentTerms = text(data.paymentTerms);
  const limits = (data.limits ?? {}) as Data;
  const figures = {
    priceMinor: minor(data.priceMinor), referenceMinor: minor(data.referenceMinor), discountBp: minor(data.discountBp),
    maxDiscountBp: minor(limits.maxDiscountBp), floorPriceMinor: minor(limits.floorPriceMinor), maxPaymentTermsDays: minor(limits.maxPaymentTermsDays),
  };
  if (requestId === undefined || requestedBy === undefined || paymentTerms === undefined || Object.values(figures).some((v) => v === undefined)) return doc;
  const reasons = Array.isArray(data.reasons) ? data.reasons.filter((r): r is DealDeskReason => typeof r === 'string') : [];
  const days = minor(data.paymentTermsDays);
  const dealDesk: DealDeskSummary = {
    requestId, status: 'pending', requestedBy, requestedAt: at, reasons,
    priceMinor: figures.priceMinor!, referenceMinor: figures.referenceMinor!, discountBp: figures.discountBp!, paymentTerms,
    ...(days === undefined ? {} : { paymentTermsDays: days }),
    limits: { maxDiscountBp: figures.maxDiscountBp!, floorPriceMinor: figures.floorPriceMinor!, maxPaymentTermsDays: figures.maxPaymentTermsDays! },
  };
  return { ...doc, dealDesk };
}

function demoHeld(doc: DealSummary, data: Data, actor: string | undefined, at: string): DealSummary {
  const ref = text((data.evidence as Data | undefined)?.ref);
  if (data.attended !== true || actor === undefined || ref === undefined) return doc;
  if (doc.meetingsHeld.some((meeting) => meeting.ref === ref)) return doc;
  return { ...doc, meetingsHeld: [...doc.meetingsHeld, { actorId: actor, at, ref }] };
}

function teamMemberAdded(doc: DealSummary, data: Data): DealSummary {
  const member = teamMember(data);
  if (member === undefined) return doc;
  const team = doc.team.some((m) => sameMember(m, member)) ? doc.team : [...doc.team, member];
  const everOnTeam = doc.everOnTeam.some((m) => sameMember(m, member)) ? doc.everOnTeam : [...doc.everOnTeam, member];
  return team === doc.team && everOnTeam === doc.everOnTeam ? doc : { ...doc, team, everOnTeam };
}

function teamMember(data: Data): TeamMember | undefined {
  const userId = text(data.userId);
  const role = text(data.role);
  return userId === undefined || role === undefined ? undefined : { userId, role: role as DealTeamRole };
}

const sameMember = (a: TeamMember, b: TeamMember) => a.userId === b.userId && a.role === b.role;

function actorId(event: RecordedEvent): string | undefined {
  return text((event.metadata?.actor as Data | undefined)?.id);
}
