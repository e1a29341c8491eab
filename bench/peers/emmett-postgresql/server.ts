import { CommandHandler, ExpectedVersionConflictError } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, PostgresEventStore } from '@event-driven-io/emmett-postgresql';
import express, { NextFunction, Request, Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { verify } from 'jsonwebtoken';
import { AccessTokenClaims, MAX_TOKEN_LIFETIME_SECONDS, TOKEN_ALGORITHM, TOKEN_CLOCK_SKEW_SECONDS, tokenKey } from '@deals/access-tokens';
import { commandMetadata, eventMetadataFor, requestHashOf } from '@deals/command-pipeline';
import {
  accountTeamStreamId, Actor, authorize, authorizedDealDecider, createDealDecider, createTeamDecider, DealCommand, DealControls, DealDecider,
  DealEvent, DealState, dealStreamId, defaultPipelineCatalog, defaultTeamStreamId, DEFAULT_CONTROL_LIMITS, DEFAULT_DEAL_DESK_POLICY, DomainError,
  ErrorKind, EVIDENCE_KINDS, isOperation, PermissionDeniedError, Relations, StandingTeams, TeamEvent, TeamTemplateState, USER_ID,
} from '@deals/domain';

/**
 * The peer a user would pick instead, for the HTTP command comparison: Express 4 over Emmett's
 * PostgreSQL event store (`getPostgreSQLEventStore`, a pg pool of POOL_SIZE connections), taking the
 * same requests as the application for the bench's command sequence and doing the same per-request
 * work: the bearer token (HS256, verified once and kept by its hash until it expires, as the
 * application does), the user looked up, the access table by role, the body validated (unknown
 * fields refused, evidence checked), the command's metadata (command id from the Idempotency-Key,
 * actor, correlation id, request hash), the same authorised deciders from libs/domain (standing
 * teams read at opening), Emmett's CommandHandler (read and fold the stream, decide, append with the
 * expected stream version) and the same status codes and answer. Reports its port over IPC.
 */

/** pg's default is 10; 20 lets 64 clients keep the server busy without queueing every request on the pool (the bench passes its own). */
const POOL_SIZE = 20;

interface Job {
  readonly url: string;
  readonly secret: string;
  readonly users: readonly { id: string; roles: readonly string[] }[];
  readonly poolSize?: number;
}

const STATUS: Record<ErrorKind, number> = {
  invalid: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, precondition: 412, throttled: 429, unavailable: 503,
};

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

// ---- bearer token -------------------------------------------------------------------------------

const BEARER = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;
const unauthenticated = (code: string, message: string) => new HttpError(401, code, message);

function tokenVerifier(secret: string) {
  const key = tokenKey(secret);
  const verified = new Map<string, AccessTokenClaims>();
  return (header: string | undefined): AccessTokenClaims => {
    if (!header?.trim()) throw unauthenticated('AUTH.TOKEN_REQUIRED', 'A bearer token is required');
    const token = BEARER.exec(header.trim())?.[1];
    if (!token) throw unauthenticated('AUTH.TOKEN_INVALID', 'the Authorization header must be "Bearer <token>"');
    const hash = createHash('sha256').update(token).digest('base64');
    const cached = verified.get(hash);
    if (cached !== undefined && cached.exp * 1000 > Date.now()) return cached;
    let claims: Partial<AccessTokenClaims>;
    try {
      claims = verify(token, key, { algorithms: [TOKEN_ALGORITHM] }) as Partial<AccessTokenClaims>;
    } catch (error) {
      throw unauthenticated('AUTH.TOKEN_INVALID', error instanceof Error ? error.message : 'unreadable');
    }
    const now = Date.now() / 1000;
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') throw unauthenticated('AUTH.TOKEN_INVALID', 'it has no exp or iat');
    if (claims.iat > now + TOKEN_CLOCK_SKEW_SECONDS) throw unauthenticated('AUTH.TOKEN_INVALID', 'it was issued in the future (iat)');
    if (claims.exp - claims.iat > MAX_TOKEN_LIFETIME_SECONDS) throw unauthenticated('AUTH.TOKEN_INVALID', 'it is valid for too long');
    if (typeof claims.sub !== 'string' || !USER_ID.test(claims.sub)) throw unauthenticated('AUTH.TOKEN_INVALID', 'sub must be a user id');
    if (verified.size >= 10_000) verified.delete(verified.keys().next().value as string);
    verified.set(hash, claims as AccessTokenClaims);
    return claims as AccessTokenClaims;
  };
}

// ---- body validation ----------------------------------------------------------------------------

type Body = Record<string, unknown>;
const MONEY = /^\d{1,15}(\.\d{1,4})?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;
const STAGE_ID = /^[a-z0-9-]{1,64}$/;

/** Collects the problems of one body, by field, like the application's validation pipe. */
class Check {
  readonly problems: string[] = [];

  constructor(private readonly body: Body, allowed: readonly string[], private readonly prefix = '') {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      this.problems.push(`${prefix || 'body'} must be an object`);
      return;
    }
    for (const key of Object.keys(body)) if (!allowed.includes(key)) this.problems.push(`${prefix}${key} should not exist`);
  }

  string(field: string, min: number, max: number, optional = false, pattern?: RegExp): string | undefined {
    const v = this.body?.[field];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || v.length < min || v.length > max || (pattern && !pattern.test(v))) {
      this.problems.push(`${this.prefix}${field} must be a string of ${min}-${max} characters${pattern ? ` matching ${pattern}` : ''}`);
      return undefined;
    }
    return v;
  }

  isoDate(field: string, optional = false): string | undefined {
    const v = this.string(field, 1, 40, optional, ISO_8601);
    if (v !== undefined && Number.isNaN(Date.parse(v))) this.problems.push(`${this.prefix}${field} must be an ISO 8601 date`);
    return v;
  }

  nested(field: string, allowed: readonly string[], optional = false): Check | undefined {
    const v = this.body?.[field];
    if (v === undefined && optional) return undefined;
    if (v === undefined) {
      this.problems.push(`${this.prefix}${field} is required`);
      return undefined;
    }
    const inner = new Check(v as Body, allowed, `${this.prefix}${field}.`);
    this.problems.push(...inner.problems);
    return inner;
  }

  array(field: string, max: number, allowed: readonly string[], each: (c: Check) => void): void {
    const v = this.body?.[field];
    if (v === undefined) return;
    if (!Array.isArray(v) || v.length > max) {
      this.problems.push(`${this.prefix}${field} must be an array of at most ${max}`);
      return;
    }
    v.forEach((item, i) => {
      const inner = new Check(item as Body, allowed, `${this.prefix}${field}.${i}.`);
      each(inner);
      this.problems.push(...inner.problems);
    });
  }

  evidence(optional = false): void {
    const e = this.nested('evidence', ['kind', 'ref', 'url', 'note'], optional);
    if (!e) return;
    const kind = e.string('kind', 1, 50);
    if (kind !== undefined && !(EVIDENCE_KINDS as readonly string[]).includes(kind)) e.problems.push(`evidence.kind must be one of ${EVIDENCE_KINDS.join(', ')}`);
    e.string('ref', 1, 500);
    const url = e.string('url', 1, 2000, true);
    if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url)) e.problems.push('evidence.url must be an http(s) URL');
    e.string('note', 0, 2000, true);
    this.problems.push(...e.problems.filter((p) => !this.problems.includes(p)));
  }

  done(): void {
    if (this.problems.length) throw new HttpError(400, 'VALIDATION.FAILED', `Invalid request: ${this.problems.join(', ')}`);
  }
}

const EVIDENCE_FACT = ['evidence', 'occurredAt'];

/** Each route: its command type, and the command data from a checked body (the application's controllers and DTOs). */
const ROUTES: Readonly<Record<string, { type: DealCommand['type']; data: (b: Body) => object }>> = {
  'buyer-responses': {
    type: 'RecordBuyerResponded',
    data: (b) => {
      const c = new Check(b, EVIDENCE_FACT);
      c.evidence();
      c.isoDate('occurredAt', true);
      c.done();
      return { evidence: b.evidence };
    },
  },
  meetings: {
    type: 'BookMeeting',
    data: (b) => {
      const c = new Check(b, [...EVIDENCE_FACT, 'meetingId', 'scheduledFor']);
      c.evidence();
      c.isoDate('occurredAt', true);
      c.string('meetingId', 1, 200);
      c.isoDate('scheduledFor');
      c.done();
      return { meetingId: b.meetingId, scheduledFor: b.scheduledFor, evidence: b.evidence };
    },
  },
  'stage/advance': {
    type: 'AdvanceStage',
    data: (b) => {
      const c = new Check(b, ['toStageId', 'occurredAt']);
      c.string('toStageId', 1, 64, true, STAGE_ID);
      c.isoDate('occurredAt', true);
      c.done();
      return { toStageId: b.toStageId };
    },
  },
  'decision-maker': {
    type: 'ConfirmDecisionMaker',
    data: (b) => {
      const c = new Check(b, [...EVIDENCE_FACT, 'contactName', 'contactTitle']);
      c.evidence();
      c.isoDate('occurredAt', true);
      c.string('contactName', 1, 200);
      c.string('contactTitle', 1, 200, true);
      c.done();
      return { contactName: b.contactName, contactTitle: b.contactTitle, evidence: b.evidence };
    },
  },
  budget: {
    type: 'NoteBudget',
    data: (b) => {
      const c = new Check(b, [...EVIDENCE_FACT, 'min', 'max']);
      c.evidence();
      c.isoDate('occurredAt', true);
      c.string('min', 1, 20, true, MONEY);
      c.string('max', 1, 20, false, MONEY);
      c.done();
      return { minMinor: b.min === undefined ? undefined : { decimal: b.min }, maxMinor: { decimal: b.max }, evidence: b.evidence };
    },
  },
  'decision-timeframe': {
    type: 'NoteDecisionTimeframe',
    data: (b) => {
      const c = new Check(b, [...EVIDENCE_FACT, 'decisionBy']);
      c.evidence();
      c.isoDate('occurredAt', true);
      c.string('decisionBy', 10, 10, false, /^\d{4}-\d{2}-\d{2}$/);
      c.done();
      return { decisionBy: b.decisionBy, evidence: b.evidence };
    },
  },
};

function openDealData(b: Body, actor: Actor): { dealId: string; data: object } {
  const c = new Check(b, ['dealId', 'name', 'account', 'pipelineId', 'ownerId', 'currency', 'expectedAmount', 'lineItems', 'team', 'occurredAt']);
  c.string('dealId', 36, 36, true, UUID);
  c.string('name', 1, 200);
  const account = c.nested('account', ['name', 'industry']);
  account?.string('name', 1, 200);
  account?.string('industry', 1, 100, true);
  c.string('pipelineId', 1, 100, true, /^[A-Za-z0-9._-]{1,100}$/);
  c.string('ownerId', 1, 100, true, USER_ID);
  c.string('currency', 3, 3, false, /^[A-Z]{3}$/);
  c.string('expectedAmount', 1, 20, false, MONEY);
  c.array('lineItems', 200, ['productCode', 'amount', 'quantity'], (item) => {
    item.string('productCode', 1, 64);
    item.string('amount', 1, 20, false, MONEY);
  });
  c.array('team', 50, ['userId', 'role', 'access'], (member) => {
    member.string('userId', 1, 100, false, USER_ID);
    member.string('role', 1, 50);
    member.string('access', 1, 50, true);
  });
  c.isoDate('occurredAt', true);
  if (account) c.problems.push(...account.problems.filter((p) => !c.problems.includes(p)));
  c.done();
  const dealId = typeof b.dealId === 'string' ? b.dealId.toLowerCase() : randomUUID();
  const acc = b.account as { name: string; industry?: string };
  const lineItems = b.lineItems as { productCode: string; amount: string; quantity?: number }[] | undefined;
  const team = b.team as { userId: string; role: string; access?: string }[] | undefined;
  return {
    dealId,
    data: {
      dealId,
      name: b.name,
      account: { name: acc.name, industry: acc.industry },
      ownerId: (b.ownerId as string | undefined) ?? actor.id,
      currency: b.currency,
      expectedAmountMinor: { decimal: b.expectedAmount },
      lineItems: lineItems?.map((i) => ({ productCode: i.productCode, amountMinor: { decimal: i.amount }, quantity: i.quantity ?? 1 })),
      team: team?.map((m) => ({ userId: m.userId, role: m.role, ...(m.access === undefined ? {} : { access: m.access }) })),
      ...(b.pipelineId === undefined ? {} : { pipelineId: b.pipelineId }),
    },
  };
}

// ---- the server ---------------------------------------------------------------------------------

interface DealStreamState {
  readonly deal: DealState;
  /** Commands already applied to the deal, by command id: a retried request (same Idempotency-Key) is answered again, not applied twice. */
  readonly commands: Map<string, { eventId: string; type: string; revision: number }[]>;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;
const IF_MATCH = /^(?:W\/)?"?(-1|\d{1,15})"?$/;

async function main(): Promise<void> {
  const job = JSON.parse(process.env.BENCH_JOB ?? '{}') as Job;
  const pool = new Pool({ connectionString: job.url, max: job.poolSize ?? POOL_SIZE });
  // An idle connection closed by the server (PostgreSQL stopping under us): one line, not a crash dump.
  pool.on('error', (error) => console.error(`peer: pg pool: ${error.message}`));
  // The bench that started us is gone (interrupted): so are we.
  process.on('disconnect', () => process.exit(1));
  const store: PostgresEventStore = getPostgreSQLEventStore(job.url, { connectionOptions: { pool } });
  await store.schema.migrate();

  const users = new Map(job.users.map((u) => [u.id, { userId: u.id, roles: [...u.roles], active: true }]));
  const relations: Relations = { managerOf: () => undefined, isRegistered: (id) => users.has(id) };
  const controls: DealControls = {
    limits: DEFAULT_CONTROL_LIMITS,
    dealDesk: DEFAULT_DEAL_DESK_POLICY,
    creditIneligibility: (userId) => {
      const user = users.get(userId);
      if (!user) return 'not a registered user';
      return user.roles.some((r) => r === 'rep' || r === 'manager') ? undefined : 'holds no selling role (rep or manager)';
    },
  };
  const memberIneligibility = (userId: string) => (users.has(userId) ? undefined : 'not a registered user');
  const dealDecider = createDealDecider(defaultPipelineCatalog, controls);
  const teams = createTeamDecider();
  const verifyToken = tokenVerifier(job.secret);

  /** The standing teams of a deal being opened, read from their streams now (as the application does). */
  async function standingTeams(ownerId: string, account: string): Promise<StandingTeams> {
    const read = (streamId: string) => store.aggregateStream<TeamTemplateState, TeamEvent>(streamId, { evolve: teams.evolve as never, initialState: teams.initialState });
    const [own, acc] = await Promise.all([read(defaultTeamStreamId(ownerId)), read(accountTeamStreamId(account))]);
    return {
      ...(own.state.exists ? { defaultTeam: { ownerId, members: own.state.members, mode: own.state.mode } } : {}),
      ...(acc.state.exists ? { accountTeam: { account: acc.state.of, members: acc.state.members, mode: acc.state.mode } } : {}),
      memberIneligibility,
    };
  }

  async function handle(req: Request, actor: Actor, dealId: string, type: DealCommand['type'], data: object, decider: DealDecider) {
    const key = header(req, 'idempotency-key');
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw new HttpError(400, 'IDEMPOTENCY.KEY_INVALID', 'Idempotency-Key must be 8-128 of A-Z a-z 0-9 . _ : -');
    const ifMatch = header(req, 'if-match');
    const match = ifMatch === undefined ? undefined : IF_MATCH.exec(ifMatch.trim());
    if (ifMatch !== undefined && !match) throw new HttpError(400, 'CONCURRENCY.IF_MATCH_INVALID', 'If-Match must be a revision ETag such as "3"');
    const correlationId = header(req, 'x-correlation-id');
    const occurredAt = (req.body as Body).occurredAt as string | undefined;
    const command = { type, data, metadata: commandMetadata({ actor, idempotencyKey: key, correlationId: correlationId && correlationId.length <= 128 ? correlationId : undefined }, occurredAt) } as DealCommand;
    const streamId = dealStreamId(dealId);
    const metadata = eventMetadataFor(command, requestHashOf(streamId, command));
    const authorized = authorizedDealDecider(relations, dealId, decider);
    const handler = CommandHandler<DealStreamState, DealEvent>({
      evolve: (state, event) => {
        const m = event.metadata as unknown as { commandId?: string; messageId?: string; streamPosition?: bigint };
        if (m.commandId) state.commands.set(m.commandId, [...(state.commands.get(m.commandId) ?? []), { eventId: m.messageId ?? '', type: event.type, revision: Number(m.streamPosition ?? 0n) - 1 }]);
        return { deal: authorized.evolve(state.deal, event), commands: state.commands };
      },
      initialState: () => ({ deal: authorized.initialState(), commands: new Map() }),
      retry: match ? undefined : { onVersionConflict: 4 },
    });
    let replayed: { eventId: string; type: string; revision: number }[] | undefined;
    const written: { eventId: string; type: string }[] = [];
    const result = await handler(store, streamId, (state) => {
      replayed = state.commands.get(command.metadata.commandId);
      if (replayed) return [];
      written.length = 0;
      return authorized.decide(command, state.deal).map((e) => {
        const eventId = randomUUID();
        written.push({ eventId, type: e.type });
        return { type: e.type, data: e.data, metadata: { ...metadata, messageId: eventId } } as unknown as DealEvent;
      });
    }, match ? { expectedStreamVersion: BigInt(Number(match[1]) + 1) } : undefined);
    const revision = Number(result.nextExpectedStreamVersion) - 1;
    const events = replayed ?? written.map((e, i) => ({ ...e, revision: revision - written.length + 1 + i }));
    return {
      dealId, streamId, revision, position: Number((result as { lastEventGlobalPosition?: bigint }).lastEventGlobalPosition ?? 0n),
      events, replayed: replayed !== undefined,
    };
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '256kb' }));
  // The bearer token and the user, before any route.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const claims = verifyToken(header(req, 'authorization'));
    const user = users.get(claims.sub);
    if (!user) throw unauthenticated('AUTH.USER_UNKNOWN', 'The token names no registered user');
    res.locals.actor = { id: user.userId, roles: user.roles } satisfies Actor;
    next();
  });
  const command = (routeType: (req: Request) => DealCommand['type'], run: (req: Request, actor: Actor) => Promise<object>) =>
    (req: Request, res: Response, next: NextFunction) => {
      const actor = res.locals.actor as Actor;
      const operation = `deal:${routeType(req)}`;
      if (!isOperation(operation)) return next(new HttpError(404, 'ROUTE.NOT_FOUND', 'No such route'));
      const decision = authorize(operation, actor, { kind: 'organisation' }, relations);
      if (!decision.allowed) return next(new PermissionDeniedError(actor, decision));
      run(req, actor).then((body) => res.status(201).json(body), next);
    };
  app.post('/deals', command(() => 'OpenDeal', async (req, actor) => {
    const { dealId, data } = openDealData(req.body as Body, actor);
    const open = data as { ownerId: string; account: { name: string } };
    const standing = await standingTeams(open.ownerId, open.account.name);
    return handle(req, actor, dealId, 'OpenDeal', data, createDealDecider(defaultPipelineCatalog, controls, standing));
  }));
  for (const [path, route] of Object.entries(ROUTES)) {
    app.post(`/deals/:dealId/${path}`, command(() => route.type, async (req, actor) => {
      const dealId = String(req.params.dealId);
      if (!UUID.test(dealId)) throw new HttpError(400, 'DEAL.ID_INVALID', `dealId must be a UUID, got "${dealId}"`);
      return handle(req, actor, dealId.toLowerCase(), route.type, route.data(req.body as Body), dealDecider);
    }));
  }
  app.use((_req: Request, _res: Response, next: NextFunction) => next(new HttpError(404, 'ROUTE.NOT_FOUND', 'No such route')));
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const [status, code, message] = error instanceof HttpError ? [error.status, error.code, error.message]
      : error instanceof DomainError ? [STATUS[error.kind], error.code, error.message]
        : error instanceof ExpectedVersionConflictError ? [409, 'CONCURRENCY.WRONG_EXPECTED_REVISION', error.message]
          : error instanceof SyntaxError ? [400, 'REQUEST.INVALID_JSON', 'The body is not valid JSON']
            : [500, 'INTERNAL', 'Unexpected error'];
    if (status >= 500) console.error(error);
    res.status(status).json({ statusCode: status, error: code, message });
  });

  const server = app.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  });
  server.keepAliveTimeout = 65_000;
  process.on('message', (m: { stop?: boolean }) => {
    if (!m?.stop) return;
    server.close(() => void store.close().then(() => pool.end()).catch(() => undefined).finally(() => process.exit(0)));
    server.closeAllConnections();
  });
}

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
