import { Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { commandMetadata, handleCommand } from '@deals/command-pipeline';
import {
  authorizedPipelineDecider, DEFAULT_PIPELINE, PipelineVersionCommand, PipelineVersionData, pipelineStreamId, publishedOf, USER_ID,
  validatePipelineDefinition,
} from '@deals/domain';
import { EventStore } from '@deals/event-store';
import { CliContext, integerOption } from '../cli-context';
import { CliUsageError } from '../data-dir';
import { fileText, readPipelineFile } from './pipeline-file';
import { ensureDefaultPublished, pipelineVersions } from './pipeline-versions';

interface ExportOptions { version?: number; out?: string }
interface ImportOptions { dryRun?: boolean; actor: string }

export function registerPipeline(program: Command, ctx: CliContext): void {
  const pipeline = program.command('pipeline').description('Export and import pipeline definitions as JSON files (the publish format of docs/pipelines.md)');
  pipeline
    .command('export <pipelineId>')
    .description('Write a published version as JSON, keys in a fixed order (diffs well under version control)')
    .option('--version <n>', 'the version (default: the latest)', integerOption('--version', 1))
    .option('--out <file.json>', 'write to this file (default: stdout)')
    .action((id: string, options: ExportOptions) => runExport(ctx, id, options));
  pipeline
    .command('import <file>')
    .description('Check a definition file (every problem listed) and publish it as the pipeline\'s next version')
    .option('--actor <userId>', 'the sales-ops user the version is published as', 'pipeline.import')
    .option('--dry-run', 'check the file against the next version, write nothing')
    .action((file: string, options: ImportOptions) => runImport(ctx, resolve(ctx.io.cwd, file), options));
}

/** The published versions of a pipeline, oldest first; the default pipeline has its compiled version 1 before the API first publishes it. */
async function versionsOf(store: EventStore | undefined, id: string): Promise<readonly PipelineVersionData[]> {
  const published = store ? (await pipelineVersions(store)).versionsOf(id).map((v) => v.published) : [];
  return published.length === 0 && id === DEFAULT_PIPELINE.id ? [publishedOf(DEFAULT_PIPELINE)] : published;
}

async function runExport(ctx: CliContext, id: string, options: ExportOptions): Promise<void> {
  const store = ctx.dataDir().openStore();
  try {
    const versions = await versionsOf(store, id);
    if (versions.length === 0) throw new CliUsageError(`there is no pipeline "${id}"`);
    const version = options.version === undefined ? versions.at(-1)! : versions.find((v) => v.version === options.version);
    if (!version) throw new CliUsageError(`pipeline "${id}" has no version ${options.version} (it has 1 to ${versions.at(-1)!.version})`);
    const text = fileText(version);
    if (!options.out) {
      ctx.io.out(text.trimEnd());
      return;
    }
    const out = resolve(ctx.io.cwd, options.out);
    writeFileSync(out, text);
    ctx.io.out(`exported ${id} version ${version.version} (${version.stages.length} open stages, ${version.factTypes.length} fact types) to ${basename(out)}`);
  } finally {
    await store.close();
  }
}

async function runImport(ctx: CliContext, file: string, options: ImportOptions): Promise<void> {
  if (!USER_ID.test(options.actor)) throw new CliUsageError(`--actor "${options.actor}" is not a user id`);
  const definition = readPipelineFile(file);
  const id = String(definition.pipelineId ?? '');
  const dir = ctx.dataDir();
  // A dry run writes nothing, not even an empty store.
  const store = options.dryRun && !dir.external && !existsSync(join(dir.path, 'events.db')) ? undefined : dir.openStore({ create: true });
  try {
    const versions = await versionsOf(store, id);
    const next = (versions.at(-1)?.version ?? 0) + 1;
    const data: PipelineVersionCommand['data'] = { ...definition, version: next };
    const issues = validatePipelineDefinition(data);
    const from = typeof definition.version === 'number' ? ` (the file holds version ${definition.version})` : '';
    if (issues.length > 0) {
      for (const issue of issues) ctx.io.err(`${issue.path}: ${issue.message}`);
      ctx.io.out(`${basename(file)} is not a valid version ${next} of ${id || '(no pipelineId)'}: ${issues.length} problems; nothing written`);
      ctx.exit(1);
      return;
    }
    if (options.dryRun || !store) {
      ctx.io.out(`dry run: ${basename(file)} is a valid version ${next} of ${id}${from}; nothing written`);
      return;
    }
    if (id === DEFAULT_PIPELINE.id && (await pipelineVersions(store)).versionsOf(id).length === 0) await ensureDefaultPublished(store);
    const actor = { id: options.actor, roles: ['sales-ops'] };
    const command: PipelineVersionCommand = { type: 'PublishPipelineVersion', data, metadata: commandMetadata({ actor }) };
    const result = await handleCommand(store, authorizedPipelineDecider({ managerOf: () => undefined }), pipelineStreamId(id), command, {});
    ctx.io.out(`published ${id} version ${next} from ${basename(file)}${from} as ${actor.id} at position ${result.position}`);
  } finally {
    await store?.close();
  }
}
