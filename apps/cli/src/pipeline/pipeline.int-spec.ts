import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineVersionData } from '@deals/domain';
import { SECURITY_REVIEW_V2 } from '@deals/domain/pipeline/testing/security-review-pipeline';
import { RecordedEvent, SqliteEventStore } from '@deals/event-store';
import { FIXTURES, runCaptured, scratchDir } from '../testing/cli-harness';

/** A version 2 of the default pipeline with stages of its own, for a CRM import onto it. */
const CUSTOM_V2 = {
  pipelineId: 'default', version: 2, name: 'Three steps',
  stages: [
    { id: 'discovery', name: 'Discovery', probability: 0.1, exitCriteria: [{ id: 'met', label: 'Met', buyerOutcome: 'The buyer met us', requires: { fact: 'MeetingBooked' } }] },
    SECURITY_REVIEW_V2.stages[2],
    { id: 'negotiation', name: 'Negotiation', probability: 0.7, exitCriteria: [{ id: 'terms', label: 'Terms', buyerOutcome: 'Terms agreed', requires: { fact: 'TermsAgreed' } }] },
  ],
  postCloseStages: [],
  factTypes: SECURITY_REVIEW_V2.factTypes,
};

describe('deals pipeline export / import (real SQLite)', () => {
  let scratch: ReturnType<typeof scratchDir>;
  const run = (...args: string[]) => runCaptured(['--data-dir', join(scratch.path, 'data'), ...args], { cwd: scratch.path });
  const write = (name: string, content: unknown) => writeFileSync(join(scratch.path, name), JSON.stringify(content, null, 2));
  const events = async (): Promise<RecordedEvent[]> => {
    const store = new SqliteEventStore({ path: join(scratch.path, 'data', 'events.db') });
    try {
      return (await store.readAll()).events;
    } finally {
      await store.close();
    }
  };
  const versions = async () => (await events()).filter((e) => e.type === 'PipelineVersionPublished');

  beforeEach(() => { scratch = scratchDir(); });
  afterEach(() => scratch.remove());

  it('exports a version in a fixed key order and imports it back as the next version, equal but for its number', async () => {
    write('v2.json', SECURITY_REVIEW_V2);
    const imported = await run('pipeline', 'import', 'v2.json');
    expect(imported.stderr).toEqual([]);
    expect(imported.stdout).toEqual([expect.stringMatching(/^published default version 2 from v2\.json \(the file holds version 2\) as pipeline\.import at position \d+$/)]);
    expect(imported.code).toBe(0);

    const exported = await run('pipeline', 'export', 'default', '--out', 'exported.json');
    expect(exported.stdout).toEqual(['exported default version 2 (6 open stages, 1 fact types) to exported.json']);
    const text = readFileSync(join(scratch.path, 'exported.json'), 'utf8');
    const file = JSON.parse(text);
    expect(file).toEqual(SECURITY_REVIEW_V2);
    expect(Object.keys(file)).toEqual(['pipelineId', 'version', 'name', 'stages', 'postCloseStages', 'factTypes']);
    expect(Object.keys(file.stages[0])).toEqual(['id', 'name', 'probability', 'stuckAfterDays', 'exitCriteria']);
    expect(Object.keys(file.factTypes[0])).toEqual(['name', 'label', 'attributes', 'evidenceKinds']);

    const again = await run('pipeline', 'import', 'exported.json', '--actor', 'olga.ops');
    expect(again.code).toBe(0);
    const published = await versions();
    expect(published.map((e) => [(e.data as PipelineVersionData).version, (e.metadata.actor as { id: string }).id])).toEqual([
      [1, 'system'], [2, 'pipeline.import'], [3, 'olga.ops'],
    ]);
    expect(published[2].data).toEqual({ ...(published[1].data as PipelineVersionData), version: 3 });

    // The same definition exports as the same text, but for its version.
    const v3 = await run('pipeline', 'export', 'default', '--version', '3');
    expect(`${v3.stdout.join('\n')}\n`).toBe(text.replace('"version": 2', '"version": 3'));
    const v1 = await run('pipeline', 'export', 'default', '--version', '1');
    expect(JSON.parse(v1.stdout.join('\n')).stages.map((s: { id: string }) => s.id)).toEqual(['engaged', 'qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed']);
    expect((await run('pipeline', 'export', 'default', '--version', '9')).stderr).toEqual(['error: pipeline "default" has no version 9 (it has 1 to 3)']);
  });

  it('lists every problem of a bad file, exits non-zero and writes nothing', async () => {
    write('bad.json', {
      pipelineId: 'default', name: 'Broken',
      stages: [
        { id: 'closed-won', name: 'Won early', probability: 0.5, exitCriteria: [] },
        { id: 'review', name: 'Review', probability: 1.5, stuckAfterDays: 0, exitCriteria: [
          { id: 'nda', label: 'NDA', buyerOutcome: 'Signed', requires: { fact: 'nda-signed' } },
          { id: 'demo', label: 'Demo', buyerOutcome: 'Seen', requires: { fact: 'security-questionnaire-signed', has: ['signedAt'] } },
        ] },
      ],
      postCloseStages: [{ id: 'live', name: 'Live' }],
      factTypes: [{ name: 'security-questionnaire-signed', label: '', attributes: [{ name: 'signedBy', type: 'text', required: true }], evidenceKinds: ['fax'] }],
    });
    const result = await run('pipeline', 'import', 'bad.json');
    expect(result.code).toBe(1);
    expect(result.stdout).toEqual(['bad.json is not a valid version 2 of default: 1 problems; nothing written']);
    expect(result.stderr).toEqual(['stages[0].id: \'closed-won\' is reserved for the closed stage every pipeline has']);

    // With the reserved id gone, the rest of the definition is checked: every problem at once.
    const file = JSON.parse(readFileSync(join(scratch.path, 'bad.json'), 'utf8'));
    write('bad.json', { ...file, stages: [{ ...file.stages[0], id: 'early' }, file.stages[1]] });
    const rest = await run('pipeline', 'import', 'bad.json');
    expect(rest.code).toBe(1);
    const paths = rest.stderr.map((line) => line.split(':')[0]);
    expect(paths).toEqual([
      'stages', 'factTypes[0].label', 'factTypes[0].attributes[0].type', 'factTypes[0].evidenceKinds[0]',
      'stages[1].probability', 'stages[1].stuckAfterDays', 'stages[1].exitCriteria[0].requires.fact', 'stages[1].exitCriteria[1].requires.has[0]',
    ]);
    expect(rest.stderr[0]).toBe('stages: needs no post-close stages or exactly 3 (handed to implementation, implementation in progress, live)');
    expect(rest.stderr[7]).toBe('stages[1].exitCriteria[1].requires.has[0]: \'security-questionnaire-signed\' has no attribute \'signedAt\'');
    expect(rest.stdout).toEqual([`bad.json is not a valid version 2 of default: ${rest.stderr.length} problems; nothing written`]);
    expect(await versions()).toEqual([]);

    write('good.json', SECURITY_REVIEW_V2);
    const dry = await run('pipeline', 'import', 'good.json', '--dry-run');
    expect(dry).toEqual({ code: 0, stdout: ['dry run: good.json is a valid version 2 of default (the file holds version 2); nothing written'], stderr: [] });
    expect(await versions()).toEqual([]);
  });

  it('imports a CRM history onto a custom version through a stage map, naming unmapped source stages before writing anything', async () => {
    write('custom.json', CUSTOM_V2);
    expect((await run('pipeline', 'import', 'custom.json')).code).toBe(0);
    write('partial.json', { stages: { 'Prospecting': 'discovery', 'Qualification': 'discovery', 'Needs Analysis': 'security-review-passed' } });
    const csv = join(FIXTURES, 'salesforce-opportunity-history.csv');

    const refused = await run('import', 'salesforce', csv, '--pipeline', 'default@2', '--stage-map', 'partial.json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toEqual([
      'stage "Value Proposition" (lines 5) has no mapping onto default version 2; map it with --stage-map or --map',
      'stage "Proposal/Price Quote" (lines 6) has no mapping onto default version 2; map it with --stage-map or --map',
      'stage "Negotiation/Review" (lines 7) has no mapping onto default version 2; map it with --stage-map or --map',
      'stage "Id. Decision Makers" (lines 11) has no mapping onto default version 2; map it with --stage-map or --map',
      'stage "Discovery Call" (lines 15) has no mapping onto default version 2; map it with --stage-map or --map',
      'stage "Perception Analysis" (lines 16) has no mapping onto default version 2; map it with --stage-map or --map',
    ]);
    expect(refused.stdout).toEqual(['nothing imported: 6 source stages of salesforce-opportunity-history.csv have no mapping onto default version 2']);
    expect((await events()).filter((e) => e.streamId.startsWith('deal-'))).toEqual([]);

    const done = await run('import', 'salesforce', csv, '--pipeline', 'default@2', '--stage-map', 'partial.json',
      '--map', 'Value Proposition=security-review-passed', '--map', 'Id. Decision Makers=security-review-passed', '--map', 'Perception Analysis=security-review-passed',
      '--map', 'Proposal/Price Quote=negotiation', '--map', 'Negotiation/Review=negotiation', '--map', 'Discovery Call=');
    expect(done.stderr).toEqual(['line 17: CreatedDate "yesterday" is not a date', 'line 18: OpportunityId is blank']);
    expect(done.code).toBe(2);
    const dealEvents = (await events()).filter((e) => e.streamId.startsWith('deal-'));
    const opened = dealEvents.filter((e) => e.type === 'DealOpened');
    expect(opened.map((e) => [(e.data as { name: string }).name, (e.data as { pipeline: unknown }).pipeline, (e.data as { stageId: string }).stageId])).toEqual([
      ['Acme 2025 platform', { id: 'default', version: 2 }, 'discovery'],
      ['Globex expansion', { id: 'default', version: 2 }, 'discovery'],
      ['Initech, Inc. pilot', { id: 'default', version: 2 }, 'discovery'],
    ]);
    const moves = (name: string) => {
      const dealId = (opened.find((e) => (e.data as { name: string }).name === name)!.data as { dealId: string }).dealId;
      return dealEvents.filter((e) => e.streamId === `deal-${dealId}` && e.type === 'StageOverridden').map((e) => (e.data as { toStageId: string }).toStageId);
    };
    expect(moves('Acme 2025 platform')).toEqual(['security-review-passed', 'negotiation']);
    expect(moves('Initech, Inc. pilot')).toEqual(['security-review-passed']);
    expect(dealEvents.some((e) => e.type === 'DealClosedWon')).toBe(true);
  });
});
