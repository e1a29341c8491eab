import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAccessTables } from '@deals/domain';

describe('docs/security.md', () => {
  it('shows the access table exactly as the code has it', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/security.md'), 'utf8');
    const block = /<!-- access-table:start[^>]*-->\n([\s\S]*?)\n<!-- access-table:end -->/.exec(doc);
    expect(block?.[1]).toBe(renderAccessTables());
  });
});
