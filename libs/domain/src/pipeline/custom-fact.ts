import { Evidence } from '../shared/evidence';
import { isBlank } from '../shared/text';
import { parseInstantOrDate } from '../shared/time';
import { AttributeDefinition, FactTypeDefinition, PipelineDefinition } from './pipeline-definition';
import { PipelineIssue } from './validate-pipeline';

export type AttributeValue = string | number | boolean;

/** The custom fact type a pipeline version declares under `name`. */
export function factTypeOf(pipeline: PipelineDefinition, name: string): FactTypeDefinition | undefined {
  return pipeline.factTypes?.find((factType) => factType.name === name);
}

const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;
/** Longest text an attribute holds, as an evidence note. */
export const MAX_ATTRIBUTE_TEXT = 2000;

/**
 * Every problem with a fact of a custom type, each naming its field: a required attribute
 * missing, a value of the wrong type, an attribute the type does not declare, evidence
 * missing or of a kind the type does not accept.
 */
export function checkBuyerFact(factType: FactTypeDefinition, attributes: unknown, evidence: unknown): readonly PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  const report = (path: string, message: string) => issues.push({ path, message });
  const given = attributes === undefined ? {} : attributes;
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    report('attributes', 'must be an object of attribute values');
  } else {
    const values = given as Record<string, unknown>;
    const declared = new Set(factType.attributes.map((attribute) => attribute.name));
    for (const attribute of factType.attributes) {
      const value = values[attribute.name];
      if (value === undefined || value === null || (typeof value === 'string' && isBlank(value))) {
        if (attribute.required) report(`attributes.${attribute.name}`, 'is required');
      } else {
        const problem = valueProblem(attribute, value);
        if (problem) report(`attributes.${attribute.name}`, problem);
      }
    }
    for (const name of Object.keys(values)) {
      if (!declared.has(name)) report(`attributes.${name}`, `is not an attribute of '${factType.name}' (it has ${[...declared].join(', ') || 'none'})`);
    }
  }
  const proof = evidence as Partial<Evidence> | undefined;
  if (proof === null || typeof proof !== 'object') report('evidence', 'is required: { kind, ref } a manager can open');
  else {
    if (!factType.evidenceKinds.includes(proof.kind as Evidence['kind'])) {
      report('evidence.kind', `must be one of ${factType.evidenceKinds.join(', ')} for '${factType.name}'; got ${JSON.stringify(proof.kind)}`);
    }
    if (typeof proof.ref !== 'string' || isBlank(proof.ref)) report('evidence.ref', 'must not be blank');
  }
  return issues;
}

/** The attributes as recorded: only declared ones with a value, in declaration order. */
export function recordedAttributes(factType: FactTypeDefinition, attributes: unknown): Record<string, AttributeValue> {
  const values = (attributes ?? {}) as Record<string, unknown>;
  const recorded: Record<string, AttributeValue> = {};
  for (const { name } of factType.attributes) {
    const value = values[name];
    if (typeof value === 'string' ? !isBlank(value) : typeof value === 'number' || typeof value === 'boolean') recorded[name] = value as AttributeValue;
  }
  return recorded;
}

function valueProblem(attribute: AttributeDefinition, value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > MAX_ATTRIBUTE_TEXT) return `must be at most ${MAX_ATTRIBUTE_TEXT} characters`;
  switch (attribute.type) {
    case 'string': return typeof value === 'string' ? undefined : 'must be text';
    case 'number': return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'boolean': return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'url': return typeof value === 'string' && URL_PATTERN.test(value) ? undefined : 'must be an http(s) URL';
    case 'enum': return typeof value === 'string' && (attribute.values ?? []).includes(value)
      ? undefined : `must be one of ${(attribute.values ?? []).join(', ')}`;
    case 'date':
      try {
        parseInstantOrDate(value, attribute.name);
        return undefined;
      } catch {
        return 'must be a date (YYYY-MM-DD) or an ISO-8601 timestamp';
      }
  }
}
