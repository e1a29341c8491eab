import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/* eslint-disable @typescript-eslint/no-explicit-any -- OpenAPI documents are walked as plain JSON */
type Json = any;

const COMPONENTS = '#/components/schemas/';
const DEFINITIONS = 'openapi#/definitions/';

/**
 * An OpenAPI 3.0 schema as JSON Schema for Ajv: references into `definitions`, `nullable` as a
 * null type, `example` dropped (an annotation JSON Schema does not have), a discriminator's
 * mapping checked against the enums of its branches and then dropped (Ajv finds the branch by
 * those enums and supports no mapping), and its node typed `object` as Ajv's strict mode asks. Objects that do not say otherwise reject properties
 * they do not declare, so a field an answer carries without documenting it fails too.
 */
export function toJsonSchema(schema: Json, components: Record<string, Json>): Json {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item, components));
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, example: _example, discriminator, ...rest } = schema;
  const out: Json = Object.fromEntries(Object.entries(rest as Record<string, Json>).map(([key, value]) => [key, key === 'properties' ? mapValues(value, components) : toJsonSchema(value, components)]));
  if (typeof out.$ref === 'string') out.$ref = out.$ref.replace(COMPONENTS, DEFINITIONS);
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if (discriminator) {
    checkMapping(discriminator, schema.oneOf ?? [], components);
    out.discriminator = { propertyName: discriminator.propertyName };
    out.type ??= 'object';
  }
  if (nullable !== true) return out;
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'], ...(out.enum ? { enum: [...out.enum, null] } : {}) };
  return { anyOf: [out, { type: 'null' }] };
}

function mapValues(properties: Record<string, Json>, components: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, toJsonSchema(property, components)]));
}

function checkMapping(discriminator: { propertyName: string; mapping?: Record<string, string> }, branches: Json[], components: Record<string, Json>): void {
  for (const [value, ref] of Object.entries(discriminator.mapping ?? {})) {
    const target = components[ref.replace(COMPONENTS, '')];
    if (!branches.some((branch) => branch.$ref === ref)) throw new Error(`discriminator mapping ${value} → ${ref} is not one of the branches`);
    const tag = target?.properties?.[discriminator.propertyName];
    if (!tag || JSON.stringify(tag.enum) !== JSON.stringify([value])) throw new Error(`discriminator mapping ${value} → ${ref}, whose ${discriminator.propertyName} is ${JSON.stringify(tag)}`);
  }
}

/** Validators of the answers an OpenAPI document describes. */
export function answerValidators(doc: Json): (method: string, path: string, status?: number) => ValidateFunction {
  const components = doc.components?.schemas ?? {};
  const ajv = new Ajv({ strict: true, allErrors: true, discriminator: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', definitions: mapValues(components, components) });
  return (method, path, status = 200) => {
    const schema = doc.paths[path]?.[method]?.responses?.[String(status)]?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`${method.toUpperCase()} ${path} documents no ${status} JSON answer`);
    return ajv.compile(toJsonSchema(schema, components));
  };
}
