import { ErrorCodes, mergeErrorCodes } from './api-errors';

/**
 * The error codes shared by groups of operations, as the code produces them (the guards, the
 * validation pipe, the command path and the deciders). Operations add their own on top.
 * The full list with meanings: docs/api.md "Errors".
 */

/** Every route but /health: the bearer token and its user are checked first, then the access table. */
export const AUTHENTICATED: ErrorCodes = {
  401: ['AUTH.TOKEN_REQUIRED', 'AUTH.TOKEN_INVALID', 'AUTH.TOKEN_EXPIRED', 'AUTH.USER_UNKNOWN', 'AUTH.USER_DEACTIVATED'],
  403: ['AUTH.PERMISSION_DENIED'],
};

/**
 * The door every request passes before authentication (apps/deal-api/src/security): a query string's
 * size, a body's size, media type, charset, encoding, depth and entries, and the text rule.
 */
export const DOOR: ErrorCodes = {
  400: ['REQUEST.TOO_MANY_PARAMETERS', 'TEXT.INVALID'],
};

/** A JSON body validated against its DTO (unknown fields are rejected), after the door's checks of the body. */
export const JSON_BODY: ErrorCodes = mergeErrorCodes(DOOR, {
  400: ['VALIDATION.FAILED', 'REQUEST.INVALID', 'REQUEST.BODY_MALFORMED', 'REQUEST.TOO_DEEP'],
  413: ['REQUEST.BODY_TOO_LARGE'],
  415: ['REQUEST.CONTENT_TYPE_UNSUPPORTED', 'REQUEST.CHARSET_UNSUPPORTED', 'REQUEST.ENCODING_UNSUPPORTED'],
});

/** Query parameters validated against their DTO (unknown parameters are rejected), after the door's. */
export const QUERY: ErrorCodes = mergeErrorCodes(DOOR, { 400: ['VALIDATION.FAILED'] });

/** The command path: headers, idempotency, retries on concurrent writes, the store. */
export const COMMAND: ErrorCodes = mergeErrorCodes(AUTHENTICATED, {
  400: ['IDEMPOTENCY.KEY_INVALID'],
  409: ['IDEMPOTENCY.KEY_REUSED', 'CONCURRENCY.RETRIES_EXHAUSTED', 'STORE.IDEMPOTENCY_CONFLICT'],
  503: ['STORE.UNAVAILABLE'],
});

/** Commands that honour If-Match. */
export const IF_MATCH: ErrorCodes = { 400: ['CONCURRENCY.IF_MATCH_INVALID'], 412: ['CONCURRENCY.REVISION_MISMATCH'] };

/** A `:dealId` in the path. */
export const DEAL_ID: ErrorCodes = { 400: ['DEAL.ID_INVALID'] };

/** Any command on an existing deal: authorised against the deal (by role only when it does not exist). */
export const DEAL_COMMAND: ErrorCodes = mergeErrorCodes(COMMAND, IF_MATCH, DEAL_ID, {
  403: ['AUTH.PERMISSION_DENIED'],
  404: ['DEAL.NOT_FOUND'],
});

/** `occurredAt`: a zoned time, not in the future, not before the deal opened. */
export const BACKDATED: ErrorCodes = { 400: ['TIME.INVALID', 'TIME.OCCURRED_IN_FUTURE', 'TIME.OCCURRED_BEFORE_OPEN'] };

/** Facts and moves that need an open deal. */
export const OPEN_DEAL: ErrorCodes = { 409: ['DEAL.CLOSED'] };

/** Evidence: required, or checked when given. */
export const EVIDENCE: ErrorCodes = { 400: ['EVIDENCE.MISSING', 'EVIDENCE.KIND_UNKNOWN'] };

/** A buyer fact on an open deal, with its evidence. */
export const BUYER_FACT: ErrorCodes = mergeErrorCodes(JSON_BODY, DEAL_COMMAND, BACKDATED, OPEN_DEAL, EVIDENCE);

/** A stage may not be left before it was entered. */
export const AFTER_STAGE_ENTERED: ErrorCodes = { 400: ['TIME.OCCURRED_BEFORE_STAGE_ENTERED'] };

/** Amounts as decimal strings, turned into minor units. */
export const MONEY: ErrorCodes = { 400: ['MONEY.INVALID', 'DEAL.INVALID_AMOUNT'] };

/** An amount with optional line items that must add up to it. */
export const AMOUNT_WITH_LINE_ITEMS: ErrorCodes = mergeErrorCodes(MONEY, { 400: ['DEAL.INVALID_LINE_ITEM', 'DEAL.LINE_ITEMS_MISMATCH'] });

/** Commission plans, assignments and disputes: finance-only or person-scoped commands. */
export const COMMISSION_COMMAND: ErrorCodes = mergeErrorCodes(JSON_BODY, COMMAND, {
  400: ['FIELD.REQUIRED', 'TIME.INVALID'],
  403: ['AUTH.PERMISSION_DENIED'],
});

/** User administration (admins only). */
export const USER_COMMAND: ErrorCodes = mergeErrorCodes(JSON_BODY, COMMAND, IF_MATCH, {
  400: ['USER.ID_INVALID', 'USER.ROLES_INVALID'],
  403: ['AUTH.PERMISSION_DENIED'],
});

/** A rep's default team or an account team, set as a whole. */
export const TEAM_COMMAND: ErrorCodes = mergeErrorCodes(JSON_BODY, COMMAND, IF_MATCH, {
  400: ['FIELD.REQUIRED', 'TEAM.ROLE_UNKNOWN', 'TEAM.ACCESS_UNKNOWN', 'TEAM.MODE_UNKNOWN', 'TEAM.MEMBER_DUPLICATE', 'TEAM.MEMBER_INELIGIBLE'],
  403: ['AUTH.PERMISSION_DENIED'],
});

/** A GET on one deal, authorised by the read rules. */
export const DEAL_READ: ErrorCodes = mergeErrorCodes(AUTHENTICATED, QUERY, DEAL_ID, {
  403: ['AUTH.PERMISSION_DENIED'],
  404: ['DEAL.NOT_FOUND'],
  503: ['STORE.UNAVAILABLE'],
});

/** A projection query: as of a past moment (replayed from the store) or after a read-your-writes wait. */
export const READ_MODEL: ErrorCodes = mergeErrorCodes(AUTHENTICATED, QUERY, {
  400: ['READ.AS_OF_AMBIGUOUS', 'READ.AS_OF_SCAN', 'TIME.INVALID'],
  503: ['READ.NOT_YET_AT_POSITION', 'STORE.UNAVAILABLE'],
});

/** Reports a rep gets narrowed to their own deals, or refused (403 with the reason). */
export const REPORT: ErrorCodes = mergeErrorCodes(READ_MODEL, { 403: ['AUTH.PERMISSION_DENIED'] });

/** KPI and quota reports: a month or a quarter (quotas: a quarter), one person or one team. */
export const KPI_REPORT: ErrorCodes = mergeErrorCodes(REPORT, {
  400: ['REPORT.PERIOD_INVALID', 'REPORT.QUOTA_PERIOD_QUARTERLY', 'REPORT.TARGET_AMBIGUOUS'],
});

/** Reports that take a pipeline id. */
export const PIPELINE_FILTER: ErrorCodes = { 400: ['PIPELINE.UNKNOWN'] };

/** A `:personId` in the path: the person themselves, their manager, or an org-wide role. */
export const PERSON_READ: ErrorCodes = mergeErrorCodes(READ_MODEL, { 403: ['AUTH.PERMISSION_DENIED'] });
