// `npm run schemas`: regenerates docs/schemas/deal-lifecycle.v1/ and the contract's time-field table from libs/contracts.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateDealLifecycleContract, SCHEMA_DIR } from './deal-lifecycle-schemas';

const root = join(__dirname, '..', '..');
const { files } = generateDealLifecycleContract(root);
mkdirSync(join(root, SCHEMA_DIR), { recursive: true });
// An event type taken out of the contract takes its schema with it.
for (const name of readdirSync(join(root, SCHEMA_DIR))) {
  if (!files.has(join(SCHEMA_DIR, name))) rmSync(join(root, SCHEMA_DIR, name));
}
for (const [path, content] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
console.log(`wrote ${files.size - 1} schemas to ${SCHEMA_DIR} and the time-field table`);
