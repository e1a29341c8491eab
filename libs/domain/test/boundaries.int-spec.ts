import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** Runs the project's dependency rule on a tree holding one domain file with the given imports. */
function cruise(imports: string): { code: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'boundaries-'));
  try {
    cpSync(join(root, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs' } }));
    mkdirSync(join(dir, 'libs/domain/src'), { recursive: true });
    writeFileSync(join(dir, 'libs/domain/src/pure.ts'), 'export const pure = 1;\n');
    writeFileSync(join(dir, 'libs/domain/src/probe.ts'), `${imports}\nexport const probe = 1;\n`);
    const bin = join(root, 'node_modules/.bin/depcruise');
    try {
      const output = execFileSync(bin, ['libs', '--config', '.dependency-cruiser.cjs'], { cwd: dir, encoding: 'utf8' });
      return { code: 0, output };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { code: err.status, output: err.stdout };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('dependency rule: libs/domain stays pure', () => {
  it('passes a domain file that imports only the domain', () => {
    expect(cruise("import { pure } from './pure'; void pure;").code).toBe(0);
  });

  it.each([
    ["import '@nestjs/common';", '@nestjs/common'],
    ["import Database from 'better-sqlite3'; void Database;", 'better-sqlite3'],
    ["import '@eventstore/db-client';", '@eventstore/db-client'],
    ["import 'kafkajs';", 'kafkajs'],
    ["import { readFileSync } from 'node:fs'; void readFileSync;", 'fs'],
  ])('fails the run when the domain imports %s', (imports, target) => {
    const { code, output } = cruise(imports);
    expect(code).not.toBe(0);
    expect(output).toContain('domain-is-pure');
    expect(output).toContain(target);
  });
});
