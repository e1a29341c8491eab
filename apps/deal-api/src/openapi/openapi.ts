import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PUBLIC_OPERATION_EXTENSION } from './api-operations';

/** Where the document and the interactive UI are served (both public). */
export const OPENAPI_JSON_PATH = '/openapi.json';
export const DOCS_PATH = '/docs';

export const API_TITLE = 'Deal Lifecycle Engine API';
/** The version of the HTTP API described; raise it with the contract. */
export const API_VERSION = '0.1.0';

const DESCRIPTION = `Every fact of a deal as an immutable event, with read models for the pipeline, post-close tracking, audit and commissions.

**Authentication.** Every operation but \`GET /health\` (and \`/health/live\`, \`/health/ready\`), \`POST /auth/sign-in\` and \`POST /auth/password\` needs \`Authorization: Bearer <JWT or personal access token>\` (get a JWT with \`npm run -s token -- <userId>\`), or the dashboard's session cookie with \`X-CSRF-Token\` on changes; what each role may do is in docs/security.md.

**Commands** (POST/DELETE) answer 201 with the events written, the stream \`revision\` and the global \`position\`. They accept \`Idempotency-Key\` (safe retries), \`If-Match\` (optimistic concurrency on deals and users) and \`X-Correlation-Id\`. Deal commands also answer \`ETag\` and \`X-Global-Position\`. Most take \`occurredAt\` to backdate a fact to when it happened in the business.

**Reads** of projections take \`asOf\` / \`asOfPosition\` (answer as of a past moment) and \`minPosition\` + \`waitMs\` (read your own writes: pass a command's \`position\`).

**Errors** all have the body \`ErrorBody\` \`{statusCode, error, message, details?}\`; \`error\` is a stable code, and each operation lists the codes it can answer with. Unknown body fields and query parameters are rejected (400 \`VALIDATION.FAILED\`).

**Money** travels as decimal strings (\`"60000.00"\`), never as floats. Commission answers give every amount both as integer minor units (\`amountMinor\`) and as decimal text (\`amount\`) in the object's \`currency\`; plan rules are answered as published.`;

const TAGS: readonly (readonly [string, string])[] = [
  ['deals', 'Opening a deal and recording buyer facts with their evidence (engagement, qualification, evaluation, proposal, terms, amount).'],
  ['stages', 'Leaving a stage by its exit criteria, or by a manager\'s override.'],
  ['close', 'Closing won or lost, and reversing a win.'],
  ['post-close', 'After the win: hand-off, implementation, go-live.'],
  ['team', 'Who works the deal, in which role.'],
  ['teams', 'Standing teams: a rep\'s default deal team and each account\'s team, joined to or offered on new deals.'],
  ['splits', 'Who gets credit for the deal: revenue splits and overlay credit.'],
  ['approvals', 'What waits for someone else\'s approval: changes of credit after the close, splits naming others, closes dated back; terms beyond the deal desk\'s limits.'],
  ['reads', 'A deal\'s current state (or as of a past moment) and its stored events.'],
  ['pipeline', 'Pipeline metrics over the deal-summary projection.'],
  ['pipelines', 'Pipeline definitions sales-ops publish as versions (stages, exit criteria, custom buyer fact types), and moving open deals to a newer version.'],
  ['post-close metrics', 'Won deals after the close: waits, durations, stuck deals.'],
  ['reports', 'Sales KPIs per rep and team by origin, and standing against quota (docs/kpis.md).'],
  ['audit', 'Who worked which deal: timelines and people.'],
  ['live', 'Server-sent events of projection changes.'],
  ['projections', 'Projection status, dead letters and rebuilds.'],
  ['commission', 'Plans, assignments, statements with lineage, reconstruction, estimates and disputes.'],
  ['users', 'Registering users and their roles.'],
  ['sessions', 'Signing in with a password, the dashboard\'s cookie session and its CSRF token, invitation and reset links, personal access tokens.'],
  ['integrity', 'Verifying the event store\'s hash chains.'],
  ['dashboard', 'The web dashboard\'s page (public) and the reads only it needs.'],
  ['health', 'Liveness and readiness, without a token.'],
];

/** The OpenAPI document of the application, from its controllers and DTOs. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(API_TITLE)
    .setVersion(API_VERSION)
    .setDescription(DESCRIPTION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'HS256 token with claims `sub`, `roles`, `exp`.' }, 'bearer')
    .addSecurityRequirements('bearer');
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  markPublicOperations(document);
  forbidUnknownBodyProperties(document);
  return document;
}

/** Serves the document at /openapi.json and Swagger UI (assets from the npm package) at /docs, without a token. */
export function mountApiDocs(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: API_TITLE,
    // No online validator badge: the UI must work without the internet.
    swaggerOptions: { validatorUrl: null },
  });
}

type Operation = { security?: unknown[]; [key: string]: unknown };

function operations(document: OpenAPIObject): Operation[] {
  return Object.values(document.paths).flatMap((item) =>
    (['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const).map((m) => item[m] as Operation | undefined).filter((o): o is Operation => !!o),
  );
}

/** Public operations override the global bearer requirement with none. */
function markPublicOperations(document: OpenAPIObject): void {
  for (const op of operations(document)) {
    if (op[PUBLIC_OPERATION_EXTENSION] !== true) continue;
    delete op[PUBLIC_OPERATION_EXTENSION];
    op.security = [];
  }
}

/**
 * The validation pipe runs with whitelist + forbidNonWhitelisted, so every request body (and
 * every object nested in one) rejects properties it does not declare: say so in their schemas.
 */
function forbidUnknownBodyProperties(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Record<string, unknown>>;
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') {
      const name = ref.replace('#/components/schemas/', '');
      if (seen.has(name) || !schemas[name]) return;
      seen.add(name);
      schemas[name].additionalProperties ??= false;
      return visit(schemas[name]);
    }
    Object.values(node).forEach(visit);
  };
  for (const op of operations(document)) visit((op as { requestBody?: unknown }).requestBody);
}
