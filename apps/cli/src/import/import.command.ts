import { Command } from 'commander';
import { basename, resolve } from 'node:path';
import { isIsoCurrency, USER_ID } from '@deals/domain';
import { CliContext } from '../cli-context';
import { CliUsageError } from '../data-dir';
import { parseHubspot } from './hubspot-deals';
import { planImport } from './import-plan';
import { readCsv } from './read-csv';
import { parseSalesforce } from './salesforce-history';
import { ImportSource, RowProblem } from './source-deal';
import { readMappingFile, stageMapping } from './stage-mapping';
import { writeImport } from './write-import';

interface ImportOptions { mapping?: string; currency: string; owner?: string; actor: string; approver: string; dryRun?: boolean }

const PARSERS = { salesforce: parseSalesforce, hubspot: parseHubspot } as const;

export function registerImport(program: Command, ctx: CliContext): void {
  const imp = program.command('import').description('Import stage histories from a CRM export as deal streams (re-importing writes nothing twice)');
  for (const [source, what] of [
    ['salesforce', 'a Salesforce OpportunityHistory (or OpportunityFieldHistory) CSV export'],
    ['hubspot', 'a HubSpot deals CSV export with \'Date entered "<stage> (<pipeline>)"\' columns'],
  ] as const) {
    imp
      .command(`${source} <file>`)
      .description(`Import ${what}`)
      .option('--mapping <file.json>', 'stage mapping overrides: {"stages": {"<source stage>": "<engine stage>" | "closed-won" | "closed-lost" | null}}')
      .option('--currency <code>', 'currency when the export has none', 'USD')
      .option('--owner <userId>', 'owner when the export names none (default: the importing actor)')
      .option('--actor <userId>', 'the manager the import acts as (stage moves are manager overrides)', 'crm.import')
      .option('--approver <userId>', 'the manager recorded as approving the import\'s closes dated back, splits and terms held by the deal desk (never the actor)', 'crm.import.approver')
      .option('--dry-run', 'read and map the export, report problems, write nothing')
      .action((file: string, options: ImportOptions) => runImport(ctx, source, resolve(ctx.io.cwd, file), options));
  }
}

async function runImport(ctx: CliContext, source: ImportSource, file: string, options: ImportOptions): Promise<void> {
  if (!isIsoCurrency(options.currency)) throw new CliUsageError(`--currency must be an ISO 4217 code in circulation (e.g. USD, EUR, JPY), got "${options.currency}"`);
  if (!USER_ID.test(options.actor)) throw new CliUsageError(`--actor "${options.actor}" is not a user id`);
  if (!USER_ID.test(options.approver) || options.approver === options.actor) {
    throw new CliUsageError(`--approver "${options.approver}" must be a user id other than --actor`);
  }
  const mapping = stageMapping(source, options.mapping ? readMappingFile(resolve(ctx.io.cwd, options.mapping)) : {});
  const { header, rows } = readCsv(file);
  const parsed = PARSERS[source](header, rows, { currency: options.currency, ownerId: options.owner ?? options.actor });
  const problems: RowProblem[] = [...parsed.problems];
  const plans = parsed.deals.map((deal) => planImport(deal, mapping, problems));
  const entries = plans.reduce((n, p) => n + p.stageEntries, 0);
  const what = `${plans.length} ${source} deals from ${basename(file)} (${parsed.rows} rows, ${entries} stage entries)`;
  if (options.dryRun) {
    report(ctx, problems);
    ctx.io.out(`dry run: would import ${what}; ${plans.reduce((n, p) => n + p.steps.length, 0)} commands; ${problems.length} problems`);
    if (problems.length > 0) ctx.exit(2);
    return;
  }
  const store = ctx.dataDir().openStore({ create: true });
  const progress = ctx.progress();
  try {
    const bar = progress.bar(`import ${source}`, plans.length, 'deals');
    // An operator with the store at hand stands in for every imported owner's manager (stage moves are overrides),
    // and names the manager above, who approves what waits for approval (closes dated back, splits naming others, terms the deal desk holds).
    const { actor, approver } = options;
    const importer = { managerOf: (userId: string) => (userId === approver ? undefined : userId === actor ? approver : actor) };
    const result = await writeImport(store, plans, { id: actor, roles: ['manager'] }, importer, {
      approver: { id: approver, roles: ['manager'] }, onDeal: (done) => bar.update(done),
    });
    progress.stop();
    problems.push(...result.problems);
    report(ctx, problems);
    ctx.io.out(`imported ${what}: ${result.events} events written, ${result.replayed} commands already imported, ${result.approved} changes and ${result.dealDeskApproved} deal-desk requests approved by ${approver}; ${problems.length} problems`);
    if (problems.length > 0) ctx.exit(2);
  } finally {
    progress.stop();
    await store.close();
  }
}

/** Each skipped row or refused step on stderr, in file order: `line 12: …`. */
function report(ctx: CliContext, problems: readonly RowProblem[]): void {
  for (const p of [...problems].sort((a, b) => a.line - b.line)) ctx.io.err(`line ${p.line}: ${p.reason}`);
}
