import { Type } from '@nestjs/common';
import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import request from 'supertest';
import { createTestApp, TestApp } from '../testing/test-app';
import { API_TITLE, API_VERSION, DOCS_PATH, OPENAPI_JSON_PATH } from './openapi';

/* eslint-disable @typescript-eslint/no-explicit-any -- the document is walked as plain JSON */

// class-transformer keeps its @Type() metadata here (the class a nested DTO is built as); it ships no typings for the path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };
type Json = any;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Operations with nothing a client can get wrong (no token, no input), so no 4xx to document. */
const EVERY_PATH = '/{{path}}';
const NO_CLIENT_ERROR = new Set(['GET /health', 'GET /health/live', 'GET /health/ready', 'GET /']);

let t: TestApp;
let doc: Json;

beforeAll(async () => {
  t = await createTestApp();
  const res = await request(t.app.getHttpServer()).get(OPENAPI_JSON_PATH).expect(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  doc = res.body;
});

afterAll(() => t?.close());

/** Every operation of the document as "METHOD /path" with the operation object. */
function operations(): { key: string; method: string; path: string; op: Json }[] {
  return Object.entries(doc.paths as Json).flatMap(([path, item]: [string, Json]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ key: `${m.toUpperCase()} ${path}`, method: m, path, op: item[m] })),
  );
}

/** The routes the running application serves, from its Express router, in OpenAPI path syntax. */
function servedRoutes(): string[] {
  const router = t.app.getHttpAdapter().getInstance().router as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  return router.stack
    .filter((layer) => layer.route)
    .flatMap(({ route }) =>
      Object.keys(route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${route!.path.replace(/[:*]([A-Za-z0-9_]+)/g, '{$1}')}`),
    )
    .filter((key) => {
      const path = key.split(' ')[1];
      // Middleware for every request (request logs and metrics) is mounted as an all-methods route.
      return path !== EVERY_PATH && path !== OPENAPI_JSON_PATH && path !== DOCS_PATH && !path.startsWith(`${DOCS_PATH}/`);
    });
}

const resolve = (ref: string): Json => doc.components.schemas[ref.replace('#/components/schemas/', '')];
/** A reference, alone or wrapped in `allOf` (as when it carries its own description). */
const refOf = (schema: Json): string | undefined => schema?.$ref ?? (schema?.allOf?.length === 1 ? schema.allOf[0].$ref : undefined);

describe('the OpenAPI document', () => {
  it('is served without a token and is a valid OpenAPI 3 document', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info).toMatchObject({ title: API_TITLE, version: API_VERSION });
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });

  it('lists every route the application serves, and no other', () => {
    const served = servedRoutes();
    expect(served.length).toBeGreaterThan(50);
    const documented = operations().map((o) => o.key);
    expect([...documented].sort()).toEqual([...new Set(served)].sort());
  });

  it('names every operation, tags it, documents its answer, and at least one client error (4xx)', () => {
    const tags = new Set((doc.tags as { name: string }[]).map((tag) => tag.name));
    for (const { key, op } of operations()) {
      expect({ key, summary: typeof op.summary === 'string' && op.summary.length > 0 }).toEqual({ key, summary: true });
      expect({ key, tags: op.tags?.length === 1 && tags.has(op.tags[0]) }).toEqual({ key, tags: true });
      const statuses = Object.keys(op.responses).map(Number);
      expect({ key, answer: statuses.some((s) => s >= 200 && s < 400) }).toEqual({ key, answer: true });
      if (!NO_CLIENT_ERROR.has(key)) expect({ key, clientError: statuses.some((s) => s >= 400 && s < 500) }).toEqual({ key, clientError: true });
    }
  });

  it('describes every error response with the one ErrorBody schema and the codes it can carry', () => {
    for (const { key, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses as Json).filter(([s]) => Number(s) >= 400) as [string, Json][]) {
        const where = `${key} ${status}`;
        expect({ where, schema: response.content?.['application/json']?.schema?.$ref }).toEqual({ where, schema: '#/components/schemas/ErrorBody' });
        expect({ where, codes: /`[A-Z]+\.[A-Z_]+`/.test(response.description) }).toEqual({ where, codes: true });
      }
    }
    expect(doc.components.schemas.ErrorBody.required).toEqual(['statusCode', 'error', 'message']);
  });

  it('requires the bearer token everywhere but on public operations, and the application agrees', async () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearer: [] }]);
    const anonymous = t.withHeaders({});
    for (const { key, method, path, op } of operations()) {
      const url = path.replace(/\{dealId\}/g, '7d1a0f8e-1c2b-4d3e-8f9a-0b1c2d3e4f5a').replace(/\{[^}]+\}/g, 'x');
      const res = await (method === 'get' ? anonymous.get(url) : method === 'delete' ? anonymous.delete(url) : anonymous.post(url, {}));
      if (op.security) {
        expect({ key, security: op.security }).toEqual({ key, security: [] });
        expect({ key, status: res.status === 401 }).toEqual({ key, status: false });
      } else {
        expect({ key, status: res.status, error: res.body.error }).toEqual({ key, status: 401, error: 'AUTH.TOKEN_REQUIRED' });
        expect({ key, documents401: !!op.responses['401'] }).toEqual({ key, documents401: true });
      }
    }
  });

  it('documents the command headers and the command answer on every command', () => {
    // Sessions, one-time links and access tokens are not commands: their tokens exist only in the first answer, so a replay could not give them back.
    // A migration's dry run and a what-if write nothing: they are reads with a body.
    const commands = operations().filter(({ method, path }) => (method === 'post' || method === 'delete') && !path.startsWith('/projections/')
      && !path.startsWith('/auth/') && !/\/(invitation|password-reset|tokens|tokens\/\{tokenId\}|migrations\/dry-run|what-if)$/.test(path));
    expect(commands.length).toBeGreaterThan(30);
    for (const { key, path, op } of commands) {
      const headers = (op.parameters ?? []).filter((p: Json) => p.in === 'header').map((p: Json) => p.name);
      // Commission commands and pipeline migrations (one command per deal stream) take no If-Match.
      const expected = path.startsWith('/commission/') || path.endsWith('/migrations')
        ? ['Idempotency-Key', 'X-Correlation-Id'] : ['Idempotency-Key', 'If-Match', 'X-Correlation-Id'];
      expect({ key, headers: [...headers].sort() }).toEqual({ key, headers: expected });
      const success = op.responses['201'] ?? op.responses['200'];
      const schema = success?.content?.['application/json']?.schema?.$ref ?? '';
      expect({ key, schema: /CommandResponse$/.test(schema) }).toEqual({ key, schema: true });
      if (path.startsWith('/deals')) expect({ key, etag: Object.keys(success.headers ?? {}) }).toEqual({ key, etag: ['ETag', 'X-Global-Position', 'Idempotent-Replayed'] });
    }
  });

  it('has request bodies that reject unknown properties, as the validation pipe does', () => {
    const bodies = operations().filter(({ op }) => op.requestBody);
    expect(bodies.length).toBeGreaterThan(30);
    const check = (schema: Json, where: string, seen: Set<string>): void => {
      const ref = refOf(schema);
      if (ref) {
        if (seen.has(ref)) return;
        seen.add(ref);
        return check(resolve(ref), `${where} → ${ref}`, seen);
      }
      if (schema.items) return check(schema.items, `${where}[]`, seen);
      if (schema.type !== 'object' || !schema.properties) return;
      expect({ where, additionalProperties: schema.additionalProperties }).toEqual({ where, additionalProperties: false });
      for (const [name, property] of Object.entries(schema.properties)) check(property, `${where}.${name}`, seen);
    };
    for (const { key, op } of bodies) check(op.requestBody.content['application/json'].schema, key, new Set());
  });
});

/**
 * The DTO decorators for OpenAPI are written by hand next to the class-validator ones; this
 * checks they say the same: the same fields, the same required ones, the same constraints.
 */
describe('the document against the validation rules of the DTOs', () => {
  interface Route { readonly operationId: string; readonly body?: Type<unknown>; readonly query?: Type<unknown> }

  /** Every route handler with its body and query DTO classes, from the controllers Nest holds. */
  function routes(): Route[] {
    const found: Route[] = [];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as Type<unknown>;
        const prototype = controller.prototype;
        for (const name of Object.getOwnPropertyNames(prototype)) {
          if (name === 'constructor' || Reflect.getMetadata(METHOD_METADATA, prototype[name]) === undefined) continue;
          const args: Record<string, { index: number; data?: unknown }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
          const types: Type<unknown>[] = Reflect.getMetadata('design:paramtypes', prototype, name) ?? [];
          const dto = (kind: RouteParamtypes) => {
            const arg = Object.entries(args).find(([k, v]) => k.startsWith(`${kind}:`) && v.data === undefined)?.[1];
            return arg ? types[arg.index] : undefined;
          };
          found.push({ operationId: `${controller.name.replace(/Controller$/, '')}_${name}`, body: dto(RouteParamtypes.BODY), query: dto(RouteParamtypes.QUERY) });
        }
      }
    }
    return found;
  }

  const rulesOf = (cls: Type<unknown>) => {
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const m of getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false)) {
      byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
    }
    return byProperty;
  };

  const nestedClassOf = (cls: Type<unknown>, property: string): Type<unknown> | undefined =>
    (defaultMetadataStorage.findTypeMetadata(cls, property)?.typeFunction() as Type<unknown> | undefined)
    ?? (Reflect.getMetadata('design:type', cls.prototype, property) as Type<unknown> | undefined);

  /** What is wrong with one property's schema, given its validation rules. */
  function problemsOf(cls: Type<unknown>, property: string, rules: ValidationMetadata[], schema: Json, required: boolean, visit: (c: Type<unknown>, s: Json) => void): string[] {
    const problems: string[] = [];
    const hasDefault = (new (cls as new () => Record<string, unknown>)())[property] !== undefined;
    const optional = hasDefault || rules.some((r) => r.name === 'isOptional');
    if (required === optional) problems.push(`required is ${required}, but the field is ${optional ? 'optional' : 'required'}`);
    const each = (r: ValidationMetadata) => (r.each ? schema.items ?? {} : schema);
    const expectEq = (what: string, actual: unknown, expected: unknown) => {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`${what}: documented ${JSON.stringify(actual)}, validated ${JSON.stringify(expected)}`);
    };
    for (const r of rules) {
      const s = each(r);
      const c = r.constraints ?? [];
      switch (r.name) {
        case 'isOptional': break;
        case 'isDefined': break; // presence: covered by the required list above
        case 'matches': expectEq('pattern', s.pattern, (c[0] as RegExp).source); break;
        case 'isIn': expectEq('enum', [...(s.enum ?? [])].sort(), [...(c[0] as string[])].sort()); break;
        case 'min': expectEq('minimum', s.minimum, c[0]); break;
        case 'max': expectEq('maximum', s.maximum, c[0]); break;
        case 'isLength': expectEq('minLength', s.minLength ?? 0, c[0]); expectEq('maxLength', s.maxLength, c[1]); break;
        case 'maxLength': expectEq('maxLength', s.maxLength, c[0]); break;
        case 'arrayMinSize': expectEq('minItems', s.minItems, c[0]); break;
        case 'arrayMaxSize': expectEq('maxItems', s.maxItems, c[0]); break;
        case 'isInt': expectEq('type', s.type, 'integer'); break;
        case 'isBoolean': expectEq('type', s.type, 'boolean'); break;
        case 'isString': expectEq('type', s.type, 'string'); break;
        case 'isArray': expectEq('type', s.type, 'array'); break;
        case 'isObject': expectEq('type', (refOf(s) ? resolve(refOf(s)!) : s).type, 'object'); break; // a typed object may be a schema of its own
        case 'isUuid': expectEq('format', s.format, 'uuid'); break;
        case 'isUrl': expectEq('format', s.format, 'uri'); break;
        case 'isIso8601': if (!['date-time', 'date'].includes(s.format)) problems.push(`format: documented ${s.format}, validated ISO-8601`); break;
        default:
          if (r.type === 'nestedValidation') {
            const nested = nestedClassOf(cls, property)!;
            const ref = refOf(r.each ? schema.items : schema);
            expectEq('$ref', ref, `#/components/schemas/${nested.name}`);
            if (ref) visit(nested, resolve(ref));
          } else {
            problems.push(`no check for the rule ${r.name ?? r.type}; add one to this test`);
          }
      }
    }
    return problems;
  }

  it('every body DTO: the same fields, required ones and constraints as its validation rules', () => {
    const problems: string[] = [];
    const seen = new Set<Type<unknown>>();
    const visit = (cls: Type<unknown>, schema: Json) => {
      if (seen.has(cls)) return;
      seen.add(cls);
      const rules = rulesOf(cls);
      expect({ cls: cls.name, fields: Object.keys(schema.properties ?? {}).sort() }).toEqual({ cls: cls.name, fields: [...rules.keys()].sort() });
      for (const [property, r] of rules) {
        for (const p of problemsOf(cls, property, r, schema.properties[property], (schema.required ?? []).includes(property), visit)) problems.push(`${cls.name}.${property}: ${p}`);
      }
    };
    const byId = new Map(operations().map(({ op }) => [op.operationId, op]));
    const withBodies = routes().filter((r) => r.body);
    expect(withBodies.length).toBeGreaterThan(30);
    for (const route of withBodies) {
      const ref = byId.get(route.operationId)?.requestBody?.content['application/json'].schema.$ref;
      expect({ route: route.operationId, ref }).toEqual({ route: route.operationId, ref: `#/components/schemas/${route.body!.name}` });
      visit(route.body!, resolve(ref));
    }
    expect(problems).toEqual([]);
  });

  it('every query DTO: the same parameters, required ones and constraints as its validation rules', () => {
    const problems: string[] = [];
    const byId = new Map(operations().map(({ op }) => [op.operationId, op]));
    const withQueries = routes().filter((r) => r.query);
    expect(withQueries.length).toBeGreaterThan(15);
    for (const route of withQueries) {
      const params = new Map<string, Json>(
        (byId.get(route.operationId)?.parameters ?? []).filter((p: Json) => p.in === 'query').map((p: Json) => [p.name, p]),
      );
      const rules = rulesOf(route.query!);
      expect({ route: route.operationId, params: [...params.keys()].sort() }).toEqual({ route: route.operationId, params: [...rules.keys()].sort() });
      for (const [property, r] of rules) {
        const param = params.get(property) ?? {};
        for (const p of problemsOf(route.query!, property, r, param.schema ?? {}, param.required === true, () => undefined)) {
          problems.push(`${route.operationId} ?${property}: ${p}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds an operation for every route handler', () => {
    const ids = new Set(operations().map(({ op }) => op.operationId));
    const handlers = routes();
    expect(handlers.filter((r) => !ids.has(r.operationId)).map((r) => r.operationId)).toEqual([]);
    expect(ids.size).toBe(handlers.length);
  });
});

describe('the interactive documentation', () => {
  it('serves Swagger UI at /docs with its assets from the npm package, without a token', async () => {
    const server = t.app.getHttpServer();
    const page = await request(server).get(DOCS_PATH).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/<(script|link)[^>]+(src|href)=['"]https?:/);
    await request(server).get(`${DOCS_PATH}/swagger-ui-bundle.js`).expect(200).expect('content-type', /javascript/);
    await request(server).get(`${DOCS_PATH}/swagger-ui.css`).expect(200).expect('content-type', /css/);
    const init = await request(server).get(`${DOCS_PATH}/swagger-ui-init.js`).expect(200);
    expect(init.text).toContain(`"title": "${API_TITLE}"`);
  });
});
