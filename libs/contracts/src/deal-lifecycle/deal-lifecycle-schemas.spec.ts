import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { DealEventOf, DealEventType } from '@deals/domain';
import { generateDealLifecycleContract, SCHEMA_DIR } from '../../../../scripts/event-schemas/deal-lifecycle-schemas';
import { DealLifecycleDataV1, DealLifecycleEventType } from './deal-lifecycle-data.v1';

const root = join(__dirname, '..', '..', '..', '..');

// Kept in step with the domain at compile time (`npm run typecheck`): every deal event type is in
// the contract and no other; each one's data, as the domain writes it, is the contract's type, and
// the domain has no field the contract does not list. (The contract may list more: `approval`
// on the events an approved change brings.)
type DomainData<T extends DealEventType> = DealEventOf<T>['data'];
type Matches<T extends DealEventType & DealLifecycleEventType> = [DomainData<T>] extends [DealLifecycleDataV1[T]]
  ? [Exclude<keyof DomainData<T>, keyof DealLifecycleDataV1[T]>] extends [never] ? true : false
  : false;
type Mismatched = { [T in DealEventType & DealLifecycleEventType]: Matches<T> extends true ? never : T }[DealEventType & DealLifecycleEventType];
const inStep: [Exclude<DealEventType, DealLifecycleEventType>, Exclude<DealLifecycleEventType, DealEventType>, Mismatched] extends [never, never, never] ? true : false = true;

describe('deal-lifecycle.v1 JSON Schemas (docs/schemas)', () => {
  const generated = generateDealLifecycleContract(root);

  it('the contract lists the same event types as the domain, with the same data (the check above compiles)', () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const program = ts.createProgram([__filename], { ...config.options, noEmit: true });
    const problems = ts.getPreEmitDiagnostics(program, program.getSourceFile(__filename)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
    expect(inStep).toBe(true);
  });

  it('are up to date with the contract types: run `npm run schemas` after changing them', () => {
    for (const [path, content] of generated.files) {
      expect({ path, exists: existsSync(join(root, path)) }).toEqual({ path, exists: true });
      expect({ path, content: readFileSync(join(root, path), 'utf8') }).toEqual({ path, content });
    }
    const shipped = readdirSync(join(root, SCHEMA_DIR)).map((name) => join(SCHEMA_DIR, name));
    expect(shipped.sort()).toEqual([...generated.files.keys()].filter((p) => p.startsWith(SCHEMA_DIR)).sort());
  });

  it('one schema per event type', () => {
    expect(generated.eventTypes).toHaveLength(36);
    for (const type of generated.eventTypes) {
      const schema = JSON.parse(generated.files.get(join(SCHEMA_DIR, `${type}.schema.json`))!);
      expect(schema.properties.eventType).toMatchObject({ const: type });
      expect(schema.properties.schema).toEqual({ const: 'deal-lifecycle.v1' });
    }
  });
});
