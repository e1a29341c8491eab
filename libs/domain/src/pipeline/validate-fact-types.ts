import { EVIDENCE_KINDS } from '../shared/evidence';
import { isBlank } from '../shared/text';
import { FACT_KEYS } from './fact-key';
import { AttributeType, FactTypeDefinition } from './pipeline-definition';

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['string', 'number', 'boolean', 'date', 'url', 'enum'];
/** Custom fact type and attribute names: kebab-case facts, camelCase attributes. */
export const FACT_TYPE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
export const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** `DemoHeld` → `demoheld`: a custom name clashes with a built-in fact when they read the same. */
const squash = (name: string) => name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
const BUILT_IN = new Map(FACT_KEYS.map((key) => [squash(key), key]));

/** Reports every problem with the custom fact types; returns the usable ones by name. */
export function checkFactTypes(
  factTypes: readonly FactTypeDefinition[] | undefined, report: (path: string, message: string) => void,
): ReadonlyMap<string, FactTypeDefinition> {
  const byName = new Map<string, FactTypeDefinition>();
  if (factTypes === undefined) return byName;
  if (!Array.isArray(factTypes)) {
    report('factTypes', 'must be a list');
    return byName;
  }
  factTypes.forEach((factType, index) => {
    const at = `factTypes[${index}]`;
    if (factType === null || typeof factType !== 'object') {
      report(at, 'must be { name, label, attributes, evidenceKinds }');
      return;
    }
    const { name } = factType;
    if (typeof name !== 'string' || !FACT_TYPE_NAME.test(name)) report(`${at}.name`, 'must be kebab-case (e.g. security-questionnaire-signed)');
    else if (BUILT_IN.has(squash(name))) report(`${at}.name`, `'${name}' clashes with the built-in fact ${BUILT_IN.get(squash(name))}`);
    else if (byName.has(name)) report(`${at}.name`, `duplicate fact type '${name}'`);
    else byName.set(name, factType);
    if (isBlank(factType.label)) report(`${at}.label`, 'must not be blank');
    checkAttributes(factType.attributes, `${at}.attributes`, report);
    if (!Array.isArray(factType.evidenceKinds) || factType.evidenceKinds.length === 0) {
      report(`${at}.evidenceKinds`, `must list at least one of ${EVIDENCE_KINDS.join(', ')}`);
    } else {
      factType.evidenceKinds.forEach((kind: string, position: number) => {
        if (!(EVIDENCE_KINDS as readonly string[]).includes(kind)) report(`${at}.evidenceKinds[${position}]`, `must be one of ${EVIDENCE_KINDS.join(', ')}`);
      });
    }
  });
  return byName;
}

function checkAttributes(attributes: FactTypeDefinition['attributes'], at: string, report: (path: string, message: string) => void): void {
  if (!Array.isArray(attributes)) {
    report(at, 'must be a list');
    return;
  }
  const seen = new Set<string>();
  attributes.forEach((attribute, index) => {
    const where = `${at}[${index}]`;
    if (attribute === null || typeof attribute !== 'object') {
      report(where, 'must be { name, type, required }');
      return;
    }
    if (typeof attribute.name !== 'string' || !ATTRIBUTE_NAME.test(attribute.name)) report(`${where}.name`, 'must be a name of letters and digits (e.g. signedBy)');
    else if (attribute.name === 'evidence') report(`${where}.name`, "'evidence' is reserved: every fact carries its evidence");
    else if (seen.has(attribute.name)) report(`${where}.name`, `duplicate attribute '${attribute.name}'`);
    seen.add(attribute.name);
    if (!ATTRIBUTE_TYPES.includes(attribute.type)) report(`${where}.type`, `must be one of ${ATTRIBUTE_TYPES.join(', ')}`);
    if (typeof attribute.required !== 'boolean') report(`${where}.required`, 'must be true or false');
    if (attribute.type === 'enum') {
      const values = attribute.values;
      if (!Array.isArray(values) || values.length === 0 || values.some((value) => typeof value !== 'string' || isBlank(value))) {
        report(`${where}.values`, 'an enum lists its values (non-blank text)');
      } else if (new Set(values).size !== values.length) report(`${where}.values`, 'lists a value twice');
    } else if (attribute.values !== undefined) report(`${where}.values`, 'only an enum has values');
  });
}
