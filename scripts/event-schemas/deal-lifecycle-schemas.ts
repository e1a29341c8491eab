import { join } from 'node:path';
import ts from 'typescript';

/**
 * JSON Schemas (draft 2020-12) of deal-lifecycle.v1, one per event type, generated from the
 * contract's TypeScript types (libs/contracts/src/deal-lifecycle) with the compiler API, and the
 * table of each event type's time fields the mapping normalises. The types are written in a small
 * subset this generator knows (interfaces, object literals, unions, literals, readonly arrays,
 * string/number/boolean/unknown, IsoDateTime, IsoDate); anything else fails the generation.
 */

const CONTRACT_DIR = join('libs', 'contracts', 'src', 'deal-lifecycle');
export const SCHEMA_DIR = join('docs', 'schemas', 'deal-lifecycle.v1');
export const TIME_FIELDS_FILE = join(CONTRACT_DIR, 'deal-lifecycle-time-fields.generated.ts');

/** UTC with milliseconds, as the relay publishes every instant. */
const UTC_MILLIS = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';

type Schema = Record<string, unknown>;

export interface TimeField {
  readonly path: readonly string[];
  /** A calendar date is accepted there too (and published as given). */
  readonly orDate: boolean;
}

export interface GeneratedContract {
  /** Path relative to the repository root → content. */
  readonly files: ReadonlyMap<string, string>;
  readonly eventTypes: readonly string[];
}

export function generateDealLifecycleContract(root: string): GeneratedContract {
  const envelopeFile = join(root, CONTRACT_DIR, 'deal-lifecycle-event.v1.ts');
  const program = ts.createProgram([envelopeFile], { strict: true, target: ts.ScriptTarget.ES2022, noEmit: true });
  const checker = program.getTypeChecker();
  const envelope = findInterface(program, 'DealLifecycleEventV1');
  const dataMap = findInterface(program, 'DealLifecycleDataV1');
  const files = new Map<string, string>();
  const times: [string, TimeField[]][] = [];
  const eventTypes: string[] = [];

  for (const member of dataMap.members) {
    if (!ts.isPropertySignature(member) || !member.type) throw unsupported(member, 'a property with a type');
    const eventType = nameOf(member.name);
    eventTypes.push(eventType);
    const converter = new Converter(checker, eventType, member.type);
    const schema: Schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: `deal-lifecycle.v1 ${eventType}`,
      description: `A ${eventType} event as the relay publishes it on deal-lifecycle.v1 (the Kafka message value). Generated from libs/contracts by \`npm run schemas\`: do not edit.`,
      ...converter.object(envelope.members),
    };
    const defs = converter.definitions();
    if (Object.keys(defs).length > 0) schema.$defs = defs;
    files.set(join(SCHEMA_DIR, `${eventType}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
    times.push([eventType, timeFields((schema.properties as Record<string, Schema>).data, [], defs)]);
  }
  files.set(TIME_FIELDS_FILE, timeFieldsModule(times));
  return { files, eventTypes };
}

class Converter {
  private readonly defs = new Map<string, Schema>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly eventType: string,
    private readonly data: ts.TypeNode,
  ) {}

  definitions(): Schema {
    return Object.fromEntries([...this.defs.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  object(members: ts.NodeArray<ts.TypeElement>): Schema {
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    let additional: Schema | undefined;
    for (const member of members) {
      // `{ [name: string]: T }`: any names, each a T.
      if (ts.isIndexSignatureDeclaration(member)) {
        additional = this.type(member.type);
        continue;
      }
      if (!ts.isPropertySignature(member) || !member.type) throw unsupported(member, 'a property with a type');
      const name = nameOf(member.name);
      const description = this.describe(member);
      properties[name] = { ...(description ? { description } : {}), ...this.type(member.type) };
      if (!member.questionToken) required.push(name);
    }
    return { type: 'object', properties, required, ...(additional ? { additionalProperties: additional } : {}) };
  }

  type(node: ts.TypeNode): Schema {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { type: 'string' };
      case ts.SyntaxKind.NumberKeyword:
        return { type: 'number' };
      case ts.SyntaxKind.BooleanKeyword:
        return { type: 'boolean' };
      case ts.SyntaxKind.UnknownKeyword:
        return {};
    }
    if (ts.isParenthesizedTypeNode(node)) return this.type(node.type);
    if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword) return this.type(node.type);
    if (ts.isArrayTypeNode(node)) return { type: 'array', items: this.type(node.elementType) };
    if (ts.isTypeLiteralNode(node)) return this.object(node.members);
    if (ts.isLiteralTypeNode(node)) return { const: literalOf(node) };
    if (ts.isTypeQueryNode(node)) return { const: this.literalOfType(node) };
    if (ts.isUnionTypeNode(node)) {
      if (node.types.every(ts.isLiteralTypeNode)) return { enum: node.types.map((t) => literalOf(t as ts.LiteralTypeNode)) };
      return { anyOf: node.types.map((t) => this.type(t)) };
    }
    if (ts.isIndexedAccessTypeNode(node)) return this.type(this.data);
    if (ts.isTypeReferenceNode(node)) return this.reference(node);
    throw unsupported(node, 'a type this generator knows');
  }

  private reference(node: ts.TypeReferenceNode): Schema {
    const name = node.typeName.getText();
    if (name === 'IsoDateTime') return { type: 'string', format: 'date-time', pattern: UTC_MILLIS };
    if (name === 'IsoDate') return { type: 'string', format: 'date' };
    if (name === 'T') return { const: this.eventType };
    let symbol = this.checker.getSymbolAtLocation(node.typeName);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.declarations?.[0];
    if (!declaration) throw unsupported(node, 'a type declared in the contract');
    if (!this.defs.has(name)) {
      this.defs.set(name, {});
      const description = this.describe(declaration);
      let schema: Schema;
      if (ts.isInterfaceDeclaration(declaration)) schema = this.object(declaration.members);
      else if (ts.isTypeAliasDeclaration(declaration)) schema = this.type(declaration.type);
      else throw unsupported(declaration, 'an interface or a type alias');
      this.defs.set(name, { ...(description ? { description } : {}), ...schema });
    }
    return { $ref: `#/$defs/${name}` };
  }

  private literalOfType(node: ts.TypeNode): string | number {
    const type = this.checker.getTypeFromTypeNode(node);
    if (type.isStringLiteral() || type.isNumberLiteral()) return type.value;
    throw unsupported(node, 'a literal');
  }

  private describe(node: ts.Node): string | undefined {
    const symbol = (node as { symbol?: ts.Symbol }).symbol;
    const text = symbol ? ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).trim() : '';
    return text.replace(/\s+/g, ' ') || undefined;
  }
}

/** Paths (with `*` for array items) of the instants in a schema: the IsoDateTime fields. */
function timeFields(schema: Schema, path: string[], defs: Schema): TimeField[] {
  const resolved = typeof schema.$ref === 'string' ? (defs[schema.$ref.slice('#/$defs/'.length)] as Schema) : schema;
  if (resolved.format === 'date-time') return [{ path, orDate: false }];
  const variants = (resolved.anyOf as Schema[] | undefined) ?? [];
  if (variants.some((v) => v.format === 'date-time')) {
    if (variants.some((v) => v.format !== 'date-time' && v.format !== 'date')) throw new Error(`${path.join('.')}: an instant only with a date`);
    return [{ path, orDate: variants.some((v) => v.format === 'date') }];
  }
  const nested = variants.flatMap((v) => timeFields(v, path, defs));
  if (resolved.type === 'array') nested.push(...timeFields(resolved.items as Schema, [...path, '*'], defs));
  for (const [name, property] of Object.entries((resolved.properties as Record<string, Schema> | undefined) ?? {})) {
    nested.push(...timeFields(property, [...path, name], defs));
  }
  return nested;
}

function timeFieldsModule(times: readonly [string, TimeField[]][]): string {
  const lines = times.map(([type, fields]) => `  ${type}: [${fields.map((f) => `{ path: [${f.path.map((p) => `'${p}'`).join(', ')}], orDate: ${f.orDate} }`).join(', ')}],`);
  return [
    '// Generated by `npm run schemas` from deal-lifecycle-data.v1.ts: do not edit.',
    "import { DealLifecycleEventType } from './deal-lifecycle-data.v1';",
    '',
    '/** Where an instant (IsoDateTime) is in the data of each event type; `*` is every item of an array. */',
    'export interface DealLifecycleTimeField {',
    '  readonly path: readonly string[];',
    '  /** A calendar date is allowed there too, and published as given. */',
    '  readonly orDate: boolean;',
    '}',
    '',
    '/** Every event type of the contract, with its time fields. */',
    'export const DEAL_LIFECYCLE_TIME_FIELDS_V1: Readonly<Record<DealLifecycleEventType, readonly DealLifecycleTimeField[]>> = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}

function findInterface(program: ts.Program, name: string): ts.InterfaceDeclaration {
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.includes('/libs/contracts/')) continue;
    const found = file.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
    if (found) return found;
  }
  throw new Error(`interface ${name} not found in libs/contracts`);
}

function nameOf(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  throw unsupported(name, 'a plain property name');
}

function literalOf(node: ts.LiteralTypeNode): string | number | boolean | null {
  const { literal } = node;
  if (ts.isStringLiteral(literal)) return literal.text;
  if (ts.isNumericLiteral(literal)) return Number(literal.text);
  if (literal.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (literal.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (literal.kind === ts.SyntaxKind.NullKeyword) return null;
  throw unsupported(node, 'a string, number, boolean or null literal');
}

function unsupported(node: ts.Node, expected: string): Error {
  const file = node.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(node.getStart());
  return new Error(`${file.fileName}:${line + 1}: expected ${expected}, found \`${node.getText()}\``);
}
