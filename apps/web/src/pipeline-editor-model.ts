import {
  ATTRIBUTE_TYPES, AttributeType, EVIDENCE_KINDS, EvidenceKind, FACT_KEYS, FactPredicate, FactTypeDefinition, FactValue,
  PipelineIssue, PipelineVersionCommand, PipelineVersionData, validatePipelineDefinition,
} from '../../../libs/domain/src';

export { ATTRIBUTE_TYPES, EVIDENCE_KINDS, FACT_KEYS };
export type { AttributeType, EvidenceKind, PipelineIssue };

/** A published version as `GET /pipelines/:id/versions/:version` answers it. */
export type PublishedVersion = PipelineVersionData & { readonly publishedBy?: string; readonly position?: number };

/** One condition of a criterion: a fact recorded, optionally with attributes present (`has`) or equal to values (`where`). */
export interface ConditionDraft {
  readonly fact: string;
  readonly has: readonly string[];
  /** Values as typed: `true`/`false` and numbers become booleans and numbers unless the attribute is text. */
  readonly where: readonly { readonly attribute: string; readonly value: string }[];
}

/** `one`: a single fact; `allOf`/`anyOf`: every or any of the conditions; `kept`: a nested predicate the builder shows as it is. */
export type Combine = 'one' | 'allOf' | 'anyOf' | 'kept';

export interface CriterionDraft {
  readonly id: string;
  readonly label: string;
  readonly buyerOutcome: string;
  readonly combine: Combine;
  readonly conditions: readonly ConditionDraft[];
  readonly kept?: FactPredicate;
}

export interface StageDraft {
  readonly id: string;
  readonly name: string;
  /** As typed, so a half-typed number stays in the field; read when the draft is checked. */
  readonly probability: string;
  readonly stuckAfterDays: string;
  readonly exitCriteria: readonly CriterionDraft[];
}

export interface PostCloseDraft { readonly id: string; readonly name: string; readonly stuckAfterDays: string }

export interface AttributeDraft {
  readonly name: string;
  readonly type: AttributeType;
  readonly required: boolean;
  /** An enum's values, comma-separated. */
  readonly values: string;
}

export interface FactTypeDraft {
  readonly name: string;
  readonly label: string;
  readonly attributes: readonly AttributeDraft[];
  readonly evidenceKinds: readonly EvidenceKind[];
}

export interface PipelineDraft {
  readonly pipelineId: string;
  readonly version: number;
  readonly name: string;
  readonly stages: readonly StageDraft[];
  readonly postCloseStages: readonly PostCloseDraft[];
  readonly factTypes: readonly FactTypeDraft[];
  /** Fields of the published version this editor does not edit (e.g. `reporting`), published again as they were. */
  readonly kept?: Readonly<Record<string, unknown>>;
}

/** Fields of an answer that are not part of a version's definition. */
const NOT_DEFINITION = ['publishedBy', 'recordedAt', 'position'];
const EDITED = ['pipelineId', 'version', 'name', 'stages', 'postCloseStages', 'factTypes'];

const numberText = (n: number | undefined) => (n === undefined ? '' : String(n));

function conditionOf(p: FactPredicate): ConditionDraft | undefined {
  if (!('fact' in p)) return undefined;
  return {
    fact: p.fact, has: [...(p.has ?? [])],
    where: Object.entries(p.where ?? {}).map(([attribute, value]) => ({ attribute, value: String(value) })),
  };
}

/** A criterion as the builder edits it: one fact, or allOf/anyOf over facts; anything deeper is kept as published. */
export function criterionDraftOf(c: PipelineVersionData['stages'][number]['exitCriteria'][number]): CriterionDraft {
  const base = { id: c.id, label: c.label, buyerOutcome: c.buyerOutcome };
  const one = conditionOf(c.requires);
  if (one) return { ...base, combine: 'one', conditions: [one] };
  const branches = 'allOf' in c.requires ? c.requires.allOf : 'anyOf' in c.requires ? c.requires.anyOf : [];
  const conditions = branches.map(conditionOf);
  if (conditions.every((x) => x !== undefined)) {
    return { ...base, combine: 'allOf' in c.requires ? 'allOf' : 'anyOf', conditions: conditions as ConditionDraft[] };
  }
  return { ...base, combine: 'kept', conditions: [], kept: c.requires };
}

/** The draft of the next version, starting from a published one. */
export function draftFrom(published: PublishedVersion, nextVersion: number): PipelineDraft {
  const kept = Object.fromEntries(Object.entries(published).filter(([key]) => !EDITED.includes(key) && !NOT_DEFINITION.includes(key)));
  return {
    ...(Object.keys(kept).length > 0 ? { kept } : {}),
    pipelineId: published.pipelineId, version: nextVersion, name: published.name,
    stages: published.stages.map((s) => ({
      id: s.id, name: s.name, probability: String(s.probability), stuckAfterDays: numberText(s.stuckAfterDays),
      exitCriteria: s.exitCriteria.map(criterionDraftOf),
    })),
    postCloseStages: published.postCloseStages.map((s) => ({ id: s.id, name: s.name, stuckAfterDays: numberText(s.stuckAfterDays) })),
    factTypes: published.factTypes.map((f) => ({
      name: f.name, label: f.label, evidenceKinds: [...f.evidenceKinds],
      attributes: f.attributes.map((a) => ({ name: a.name, type: a.type, required: a.required, values: (a.values ?? []).join(', ') })),
    })),
  };
}

/** A field as a number: blank is absent, anything else not a number is NaN (the validation names it). */
const readNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

function valueOf(text: string, type: AttributeType | undefined): FactValue {
  if (type === 'string' || type === 'url' || type === 'date' || type === 'enum') return text;
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (type === 'number' || (type === undefined && t !== '' && Number.isFinite(Number(t)))) return Number(t);
  return text;
}

function predicateOf(c: ConditionDraft, factTypes: readonly FactTypeDraft[]): FactPredicate {
  const declared = factTypes.find((f) => f.name === c.fact);
  const typeOf = (name: string) => declared?.attributes.find((a) => a.name === name)?.type;
  const where = Object.fromEntries(c.where.map((w) => [w.attribute, valueOf(w.value, typeOf(w.attribute))]));
  return { fact: c.fact, ...(c.where.length > 0 ? { where } : {}), ...(c.has.length > 0 ? { has: [...c.has] } : {}) };
}

export function requiresOf(c: CriterionDraft, factTypes: readonly FactTypeDraft[]): FactPredicate {
  if (c.combine === 'kept' && c.kept) return c.kept;
  const parts = c.conditions.map((x) => predicateOf(x, factTypes));
  if (c.combine === 'allOf') return { allOf: parts };
  if (c.combine === 'anyOf') return { anyOf: parts };
  return parts[0] ?? { fact: '' };
}

const stuck = (text: string) => {
  const days = readNumber(text);
  return days === undefined ? {} : { stuckAfterDays: days };
};

/** The draft in the publish format (`POST /pipelines/:id/versions`, docs/pipelines.md), pipeline id included. */
export function toPublish(d: PipelineDraft): PipelineVersionCommand['data'] {
  return {
    ...d.kept,
    pipelineId: d.pipelineId, version: d.version, name: d.name,
    stages: d.stages.map((s) => ({
      id: s.id, name: s.name, probability: readNumber(s.probability) ?? Number.NaN, ...stuck(s.stuckAfterDays),
      exitCriteria: s.exitCriteria.map((c) => ({ id: c.id, label: c.label, buyerOutcome: c.buyerOutcome, requires: requiresOf(c, d.factTypes) })),
    })),
    postCloseStages: d.postCloseStages.map((s) => ({ id: s.id, name: s.name, ...stuck(s.stuckAfterDays) })),
    factTypes: d.factTypes.map((f): FactTypeDefinition => ({
      name: f.name, label: f.label, evidenceKinds: [...f.evidenceKinds],
      attributes: f.attributes.map((a) => ({
        name: a.name, type: a.type, required: a.required,
        ...(a.type === 'enum' ? { values: a.values.split(',').map((v) => v.trim()).filter(Boolean) } : {}),
      })),
    })),
  };
}

/** The body of `POST /pipelines/:id/versions` (the id is in the path). */
export function publishBody(d: PipelineDraft): Omit<PipelineVersionCommand['data'], 'pipelineId'> {
  const { pipelineId: _id, ...body } = toPublish(d);
  return body;
}

/** Every problem of the draft, as the API would name them: the domain's own check, plus numbers that are not numbers. */
export function problemsOf(d: PipelineDraft): readonly PipelineIssue[] {
  const typed: PipelineIssue[] = [];
  d.stages.forEach((s, i) => {
    if (!Number.isFinite(readNumber(s.probability) ?? Number.NaN)) typed.push({ path: `stages[${i}].probability`, message: 'must be a number from 0 to 1' });
    if (Number.isNaN(readNumber(s.stuckAfterDays))) typed.push({ path: `stages[${i}].stuckAfterDays`, message: 'must be a whole number of days' });
  });
  d.postCloseStages.forEach((s, i) => {
    if (Number.isNaN(readNumber(s.stuckAfterDays))) typed.push({ path: `postCloseStages[${i}].stuckAfterDays`, message: 'must be a whole number of days' });
  });
  const known = new Set(typed.map((t) => t.path));
  return [...typed, ...validatePipelineDefinition(toPublish(d)).filter((issue) => !known.has(issue.path))];
}

/** Problems as the API lists them in a 400 `PIPELINE.INVALID` (`details.issues`). */
export function issuesOfRefusal(details: unknown): readonly PipelineIssue[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? issues.filter((i): i is PipelineIssue => typeof i?.path === 'string' && typeof i?.message === 'string') : [];
}

/** `stages[2].exitCriteria[0].requires` → "Stage 3 (Security review passed), criterion 1: requires". */
export function issueWhere(path: string, d: PipelineDraft): string {
  const parts: string[] = [];
  let rest = path;
  const stage = /^stages\[(\d+)\]\.?/.exec(rest);
  const post = /^postCloseStages\[(\d+)\]\.?/.exec(rest);
  const fact = /^factTypes\[(\d+)\]\.?/.exec(rest);
  if (stage) {
    const s = d.stages[Number(stage[1])];
    parts.push(`Stage ${Number(stage[1]) + 1}${s?.name ? ` (${s.name})` : ''}`);
    rest = rest.slice(stage[0].length);
    const criterion = /^exitCriteria\[(\d+)\]\.?/.exec(rest);
    if (criterion) {
      parts.push(`criterion ${Number(criterion[1]) + 1}`);
      rest = rest.slice(criterion[0].length);
    }
  } else if (post) {
    parts.push(`Post-close stage ${Number(post[1]) + 1}`);
    rest = rest.slice(post[0].length);
  } else if (fact) {
    const f = d.factTypes[Number(fact[1])];
    parts.push(`Fact type ${Number(fact[1]) + 1}${f?.name ? ` (${f.name})` : ''}`);
    rest = rest.slice(fact[0].length);
  }
  if (rest) parts.push(rest);
  return parts.join(', ');
}

/** Moves the item at `index` by `by` (−1 up, +1 down); the list as it was when it cannot move. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): readonly T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

export const replaced = <T>(list: readonly T[], index: number, item: T): readonly T[] => list.map((x, i) => (i === index ? item : x));
export const removed = <T>(list: readonly T[], index: number): readonly T[] => list.filter((_, i) => i !== index);

export const emptyStage = (): StageDraft => ({ id: '', name: '', probability: '', stuckAfterDays: '', exitCriteria: [] });
export const emptyCriterion = (fact = ''): CriterionDraft => ({ id: '', label: '', buyerOutcome: '', combine: 'one', conditions: [{ fact, has: [], where: [] }] });
export const emptyFactType = (): FactTypeDraft => ({ name: '', label: '', attributes: [], evidenceKinds: [] });
export const emptyAttribute = (): AttributeDraft => ({ name: '', type: 'string', required: false, values: '' });

/** The facts a criterion may name: built in, then the draft's own fact types. */
export function factChoices(d: PipelineDraft): readonly { value: string; label: string }[] {
  return [
    ...FACT_KEYS.map((k) => ({ value: k, label: k })),
    ...d.factTypes.filter((f) => f.name.trim() !== '').map((f) => ({ value: f.name, label: `${f.name} (custom)` })),
  ];
}

/** The attributes of a fact the draft declares; undefined for a built-in fact (its data fields are free text). */
export const attributesOf = (d: PipelineDraft, fact: string): readonly AttributeDraft[] | undefined =>
  d.factTypes.find((f) => f.name === fact)?.attributes;

/** Sets or clears one attribute in a condition's `has` list, keeping the declared order. */
export function toggledHas(c: ConditionDraft, name: string, on: boolean, declared: readonly AttributeDraft[]): ConditionDraft {
  const set = new Set(c.has);
  if (on) set.add(name);
  else set.delete(name);
  return { ...c, has: declared.map((a) => a.name).filter((n) => set.has(n)) };
}

/** A kebab-case id from a name ("Security review passed" → "security-review-passed"). */
export const idFrom = (name: string) => name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/** An element id from a control's label ("Fact for stage 3, criterion 1" → "pe-fact-for-stage-3-criterion-1"). */
export const controlId = (label: string) => `pe-${idFrom(label)}`;
