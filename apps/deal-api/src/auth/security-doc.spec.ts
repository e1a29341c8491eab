import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDealPermissionTable } from '@deals/domain';

describe('docs/security.md', () => {
  it('shows the permission table exactly as the code has it', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/security.md'), 'utf8');
    const block = /<!-- permission-table:start[^>]*-->\n([\s\S]*?)\n<!-- permission-table:end -->/.exec(doc);
    expect(block?.[1]).toBe(renderDealPermissionTable());
  });
});
