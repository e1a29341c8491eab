import { isBlank } from '../shared/text';
import { FACT_KEYS, isFactKey } from './fact-key';
import { checkFactTypes } from './validate-fact-types';
import {
  AttributeDefinition, ExitCriterion, FactPredicate, FactTypeDefinition, FactValue, PipelineDefinition, REPORTING_MEETINGS, StageDefinition,
} from './pipeline-definition';

export interface PipelineIssue {
  /** Where in the definition, e.g. `stages[2].exitCriteria[0].requires.allOf[1]`. */
  readonly path: string;
  readonly message: string;
}

const PHASES = ['open', 'won', 'lost', 'post-close'];
/** Hand-off, implementation start and go-live each move to one post-close stage. */
const POST_CLOSE_STEPS = 3;

/** Every problem with a definition; an empty list means it is usable. */
export function validatePipeline(pipeline: PipelineDefinition): readonly PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  const report = (path: string, message: string) => issues.push({ path, message });

  if (isBlank(pipeline.id)) report('id', 'must not be blank');
  if (isBlank(pipeline.name)) report('name', 'must not be blank');
  if (!Number.isSafeInteger(pipeline.version) || pipeline.version < 1) report('version', 'must be an integer ≥ 1');
  const stages: readonly StageDefinition[] = pipeline.stages;
  if (!Array.isArray(stages)) return [...issues, { path: 'stages', message: 'must be a list' }];

  checkPhaseCounts(stages, report);
  checkReporting(pipeline.reporting, report);
  const factTypes = checkFactTypes(pipeline.factTypes, report);
  let previousOpen: number | undefined;
  const stageIds = new Set<string>();
  const criterionIds = new Set<string>();
  stages.forEach((stage, index) => {
    const at = `stages[${index}]`;
    if (isBlank(stage.id)) report(`${at}.id`, 'must not be blank');
    else if (stageIds.has(stage.id)) report(`${at}.id`, `duplicate stage id '${stage.id}'`);
    stageIds.add(stage.id);
    if (isBlank(stage.name)) report(`${at}.name`, 'must not be blank');
    if (!PHASES.includes(stage.phase)) report(`${at}.phase`, `must be one of ${PHASES.join(', ')}`);
    if (typeof stage.probability !== 'number' || !(stage.probability >= 0 && stage.probability <= 1)) {
      report(`${at}.probability`, 'must be a number from 0 to 1');
    } else if (stage.phase === 'open') {
      if (previousOpen !== undefined && stage.probability <= previousOpen) {
        report(`${at}.probability`, `must be greater than the previous open stage's (${previousOpen})`);
      }
      previousOpen = stage.probability;
    }
    if (stage.stuckAfterDays !== undefined && !(Number.isFinite(stage.stuckAfterDays) && stage.stuckAfterDays > 0)) {
      report(`${at}.stuckAfterDays`, 'must be a positive number of days');
    }
    if (stage.phase !== 'open' && stage.exitCriteria?.length > 0) {
      report(`${at}.exitCriteria`, 'only open stages have exit criteria');
    }
    const criteria: readonly ExitCriterion[] = Array.isArray(stage.exitCriteria) ? stage.exitCriteria : [];
    if (!Array.isArray(stage.exitCriteria)) report(`${at}.exitCriteria`, 'must be a list');
    criteria.forEach((criterion, position) => {
      const where = `${at}.exitCriteria[${position}]`;
      if (criterion === null || typeof criterion !== 'object') {
        report(where, 'must be { id, label, buyerOutcome, requires }');
        return;
      }
      if (isBlank(criterion.id)) report(`${where}.id`, 'must not be blank');
      else if (criterionIds.has(criterion.id)) report(`${where}.id`, `duplicate criterion id '${criterion.id}'`);
      criterionIds.add(criterion.id);
      if (isBlank(criterion.label)) report(`${where}.label`, 'must not be blank');
      if (isBlank(criterion.buyerOutcome)) report(`${where}.buyerOutcome`, 'must not be blank');
      checkPredicate(criterion.requires, `${where}.requires`, factTypes, report);
    });
  });
  return issues;
}

function checkReporting(reporting: unknown, report: (path: string, message: string) => void): void {
  if (reporting === undefined) return;
  if (reporting === null || typeof reporting !== 'object' || Array.isArray(reporting)) {
    report('reporting', 'must be { meetings? }');
    return;
  }
  const { meetings, ...rest } = reporting as Record<string, unknown>;
  for (const key of Object.keys(rest)) report(`reporting.${key}`, 'is not a reporting definition (meetings)');
  if (meetings !== undefined && !(REPORTING_MEETINGS as readonly unknown[]).includes(meetings)) {
    report('reporting.meetings', `must be one of ${REPORTING_MEETINGS.join(', ')}`);
  }
}

/** Whether a recorded attribute could ever equal `value` (a criterion that never holds is a mistake). */
function couldEqual(attribute: AttributeDefinition, value: FactValue): boolean {
  if (attribute.type === 'number' || attribute.type === 'boolean') return typeof value === attribute.type;
  if (attribute.type === 'enum') return (attribute.values ?? []).includes(value as string);
  return typeof value === 'string';
}

function checkPhaseCounts(stages: readonly StageDefinition[], report: (path: string, message: string) => void): void {
  const count = (phase: string) => stages.filter((stage) => stage.phase === phase).length;
  if (count('open') === 0) report('stages', 'needs at least one open stage');
  if (count('won') !== 1) report('stages', 'needs exactly one won stage');
  if (count('lost') !== 1) report('stages', 'needs exactly one lost stage');
  const postClose = count('post-close');
  if (postClose !== 0 && postClose !== POST_CLOSE_STEPS) {
    report('stages', `needs no post-close stages or exactly ${POST_CLOSE_STEPS} (handed to implementation, implementation in progress, live)`);
  }
}

function checkPredicate(
  predicate: FactPredicate, path: string, factTypes: ReadonlyMap<string, FactTypeDefinition>, report: (path: string, message: string) => void,
): void {
  if (predicate === null || typeof predicate !== 'object') {
    report(path, 'must be { fact }, { allOf } or { anyOf }');
    return;
  }
  for (const combinator of ['allOf', 'anyOf'] as const) {
    if (combinator in predicate) {
      const branches = (predicate as Record<string, unknown>)[combinator];
      if (!Array.isArray(branches) || branches.length === 0) report(`${path}.${combinator}`, 'must be a non-empty list');
      else branches.forEach((branch, index) => checkPredicate(branch, `${path}.${combinator}[${index}]`, factTypes, report));
      return;
    }
  }
  const custom = 'fact' in predicate && typeof predicate.fact === 'string' ? factTypes.get(predicate.fact) : undefined;
  if (!('fact' in predicate) || (!isFactKey(predicate.fact) && !custom)) {
    const declared = [...factTypes.keys()];
    report(`${path}.fact`, `must be one of ${[...FACT_KEYS, ...declared].join(', ')}${declared.length === 0 ? ' or a fact type the version declares' : ''}`);
    return;
  }
  const declared = custom && Array.isArray(custom.attributes) ? custom.attributes.filter((a) => a !== null && typeof a === 'object') : [];
  const attributes = custom && new Map(declared.map((attribute) => [attribute.name, attribute]));
  if (predicate.where !== undefined && (predicate.where === null || typeof predicate.where !== 'object' || Array.isArray(predicate.where))) {
    report(`${path}.where`, 'must be an object of attribute values');
    return;
  }
  for (const [field, value] of Object.entries(predicate.where ?? {})) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      report(`${path}.where.${field}`, 'must be a string, number or boolean');
      continue;
    }
    const attribute = attributes?.get(field);
    if (attributes && !attribute) report(`${path}.where.${field}`, `'${predicate.fact}' has no attribute '${field}'`);
    else if (attribute && !couldEqual(attribute, value)) report(`${path}.where.${field}`, `can never match the ${attribute.type} attribute '${field}'`);
  }
  if (predicate.has !== undefined && !Array.isArray(predicate.has)) report(`${path}.has`, 'must be a list of attribute names');
  else (predicate.has ?? []).forEach((field, index) => {
    if (typeof field !== 'string' || isBlank(field)) report(`${path}.has[${index}]`, 'must be an attribute name');
    else if (attributes && !attributes.has(field)) report(`${path}.has[${index}]`, `'${predicate.fact}' has no attribute '${field}'`);
  });
}
