import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isIsoCurrency, PipelineCatalog, PipelineDefinition, USER_ID } from '@deals/domain';
import { CliContext } from '../cli-context';
import { CliUsageError } from '../data-dir';
import { parseHubspot } from './hubspot-deals';
import { planImport } from './import-plan';
import { readCsv } from './read-csv';
import { parseSalesforce } from './salesforce-history';
import { ImportSource, RowProblem, SourceDeal } from './source-deal';
import { parsePipelineRef, pipelineVersions } from '../pipeline/pipeline-versions';
import { MappedStage, parseMapFlag, readMappingFile, StageMapping, stageMapping } from './stage-mapping';
import { writeImport } from './write-import';

interface ImportOptions {
  mapping?: string; stageMap?: string; map?: Record<string, MappedStage>; pipeline?: string;
  currency: string; owner?: string; actor: string; approver: string; dryRun?: boolean;
}

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
      .option('--pipeline <id[@version]>', 'open the deals on this pipeline version (default: its latest); every source stage must then map onto its stages')
      .option('--stage-map <file.json>', 'the stage mapping onto the --pipeline version, in the --mapping format')
      .option('--map <source=stage>', 'one stage mapping ("Security Review=security-review-passed"; empty after = ignores it), repeatable', (v: string, prev?: Record<string, MappedStage>) => parseMapFlag(v, prev))
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
  const onto = options.pipeline ? await chosenPipeline(ctx, options.pipeline) : undefined;
  const overrides = {
    ...(options.mapping ? readMappingFile(resolve(ctx.io.cwd, options.mapping)) : {}),
    ...(options.stageMap ? readMappingFile(resolve(ctx.io.cwd, options.stageMap)) : {}),
    ...(options.map ?? {}),
  };
  const mapping = stageMapping(source, overrides, onto?.definition);
  const { header, rows } = readCsv(file);
  const parsed = PARSERS[source](header, rows, { currency: options.currency, ownerId: options.owner ?? options.actor });
  if (onto) {
    // Onto a chosen version every source stage must land somewhere: named before anything is written.
    const unmapped = unmappedStages(parsed.deals, mapping);
    if (unmapped.length > 0) {
      for (const u of unmapped) ctx.io.err(`stage "${u.stage}" (lines ${u.lines.join(', ')}) has no mapping onto ${onto.definition.id} version ${onto.definition.version}; map it with --stage-map or --map`);
      ctx.io.out(`nothing imported: ${unmapped.length} source stages of ${basename(file)} have no mapping onto ${onto.definition.id} version ${onto.definition.version}`);
      ctx.exit(1);
      return;
    }
  }
  const problems: RowProblem[] = [...parsed.problems];
  const plans = parsed.deals.map((deal) => planImport(deal, mapping, problems, onto?.definition));
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
      approver: { id: approver, roles: ['manager'] }, onDeal: (done) => bar.update(done), catalog: onto?.catalog,
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

/** The pipeline version `--pipeline` names, from the store's published versions (the compiled default before the API first publishes it). */
async function chosenPipeline(ctx: CliContext, text: string): Promise<{ definition: PipelineDefinition; catalog: PipelineCatalog }> {
  const ref = parsePipelineRef(text);
  const dir = ctx.dataDir();
  const store = dir.external || existsSync(join(dir.path, 'events.db')) ? dir.openStore() : undefined;
  try {
    const catalog = store ? await pipelineVersions(store) : await pipelineVersions(undefined);
    const definition = ref.version === undefined ? catalog.latest(ref.id) : catalog.get(ref.id, ref.version);
    if (!definition) throw new CliUsageError(`--pipeline ${text}: no such pipeline${ref.version === undefined ? '' : ' version'} is published`);
    return { definition, catalog };
  } finally {
    await store?.close();
  }
}

/** Each source stage no mapping resolves, with the lines that enter it. */
function unmappedStages(deals: readonly SourceDeal[], mapping: StageMapping): { stage: string; lines: number[] }[] {
  const found = new Map<string, number[]>();
  for (const entry of deals.flatMap((d) => d.entries)) {
    if (mapping.resolve(entry.stage, entry.pipeline) !== undefined) continue;
    const name = entry.pipeline ? `${entry.stage} (${entry.pipeline})` : entry.stage;
    found.set(name, [...(found.get(name) ?? []), entry.line]);
  }
  return [...found].map(([stage, lines]) => ({ stage, lines }));
}

/** Each skipped row or refused step on stderr, in file order: `line 12: …`. */
function report(ctx: CliContext, problems: readonly RowProblem[]): void {
  for (const p of [...problems].sort((a, b) => a.line - b.line)) ctx.io.err(`line ${p.line}: ${p.reason}`);
}
