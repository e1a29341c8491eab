import { DEFAULT_PIPELINE, definitionOf, publishedOf } from '@deals/domain';
import { SECURITY_REVIEW_V2 } from '@deals/domain/pipeline/testing/security-review-pipeline';
import { RecordedEvent } from '@deals/event-store';
import { PipelineDirectory } from './pipeline-directory';

const v2 = { ...SECURITY_REVIEW_V2, postCloseStages: SECURITY_REVIEW_V2.postCloseStages ?? [], factTypes: SECURITY_REVIEW_V2.factTypes ?? [] };
const published = (position: number, data: object, streamId = 'pipeline-default', actor = 'olga.ops'): RecordedEvent => ({
  streamId, revision: position - 1, position, eventId: `e-${position}`, type: 'PipelineVersionPublished', schemaVersion: 1, data,
  metadata: { actor: { id: actor, roles: ['sales-ops'] }, recordedAt: `2026-03-0${position}T10:00:00.000Z` }, hash: '', prevHash: '',
} as RecordedEvent);

describe('the pipeline directory', () => {
  it('stands in with the compiled default before anything is published', () => {
    const directory = new PipelineDirectory();
    expect(directory.default).toBe(DEFAULT_PIPELINE);
    expect(directory.get('default', 1)).toBe(DEFAULT_PIPELINE);
    expect(directory.get('default', 2)).toBeUndefined();
    expect(directory.pipelineIds()).toStrictEqual([]);
  });

  it('serves each version as published, the latest as the default, with who published it and when', async () => {
    const directory = new PipelineDirectory();
    directory.apply(published(1, publishedOf(DEFAULT_PIPELINE), 'pipeline-default', 'system'));
    const waiting = directory.waitFor(2);
    directory.apply(published(2, v2));
    await waiting;
    expect(directory.get('default', 1)).toStrictEqual(DEFAULT_PIPELINE);
    expect(directory.get('default', 2)).toStrictEqual(definitionOf(v2));
    expect(directory.default.version).toBe(2);
    expect(directory.versionsOf('default').map((v) => [v.published.version, v.publishedBy, v.recordedAt]))
      .toStrictEqual([[1, 'system', '2026-03-01T10:00:00.000Z'], [2, 'olga.ops', '2026-03-02T10:00:00.000Z']]);
  });

  it('ignores other streams, other event types and what it has applied already', () => {
    const directory = new PipelineDirectory();
    directory.apply(published(1, v2, 'deal-x'));
    directory.apply({ ...published(2, v2), type: 'SomethingElse' });
    directory.apply(published(3, { ...v2, pipelineId: 'enterprise', version: 1 }, 'pipeline-enterprise'));
    directory.apply(published(3, { ...v2, pipelineId: 'enterprise', version: 2 }, 'pipeline-enterprise'));
    expect(directory.pipelineIds()).toStrictEqual(['enterprise']);
    expect(directory.versionsOf('enterprise').map((v) => v.published.version)).toStrictEqual([1]);
    expect(directory.position).toBe(3);
  });
});
