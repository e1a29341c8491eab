import { WhatIfPreview } from '../components/what-if-preview';
import { ErrorBox, Loading, Section } from '../components/ui';
import { useApi } from '../hooks';
import { href } from '../router';
import { whatIfChoices } from '../what-if-model';

interface PipelineSummary { readonly pipelineId: string; readonly name: string; readonly latestVersion: number; readonly isDefault: boolean }

/** Sales-ops pick a pipeline and two of its versions and see both over the same recorded history. */
export function WhatIfPage({ query }: { query: URLSearchParams }) {
  const pipelines = useApi<PipelineSummary[]>('/pipelines');
  const choices = pipelines.data && whatIfChoices(query, pipelines.data);
  const go = (change: { pipeline?: string; baseline?: number; candidate?: number }) => {
    const next = { pipeline: choices?.pipelineId, baseline: choices?.baseline, candidate: choices?.candidate, ...change };
    location.hash = `${href('what-if')}?pipeline=${encodeURIComponent(next.pipeline ?? '')}&baseline=${next.baseline}&candidate=${next.candidate}`;
  };
  const versions = choices ? Array.from({ length: choices.latest }, (_, i) => i + 1) : [];
  return (
    <div>
      <header class="page-head"><h1>What if</h1></header>
      <p class="muted">The same recorded facts of every deal of the pipeline, replayed under two versions: where each deal would have been, stage by stage. Nothing is written.</p>
      <Loading when={pipelines.loading && !pipelines.data} />
      <ErrorBox error={pipelines.error} />
      {choices && (
        <Section title="Compare">
          <div class="filters" data-testid="what-if-choices">
            <span>
              <label class="inline" for="what-if-pipeline">Pipeline</label>
              <select id="what-if-pipeline" value={choices.pipelineId} onChange={(e) => go({ pipeline: (e.target as HTMLSelectElement).value, baseline: undefined, candidate: undefined })}>
                {pipelines.data!.map((p) => <option key={p.pipelineId} value={p.pipelineId}>{p.name} ({p.pipelineId})</option>)}
              </select>
            </span>
            <span>
              <label class="inline" for="what-if-baseline">Baseline version</label>
              <select id="what-if-baseline" value={String(choices.baseline)} onChange={(e) => go({ baseline: Number((e.target as HTMLSelectElement).value) })}>
                {versions.map((v) => <option key={v} value={String(v)}>{v}</option>)}
              </select>
            </span>
            <span>
              <label class="inline" for="what-if-candidate">Candidate version</label>
              <select id="what-if-candidate" value={String(choices.candidate)} onChange={(e) => go({ candidate: Number((e.target as HTMLSelectElement).value) })}>
                {versions.map((v) => <option key={v} value={String(v)}>{v}</option>)}
              </select>
            </span>
          </div>
          <WhatIfPreview pipelineId={choices.pipelineId} baselineVersion={choices.baseline} candidate={{ version: choices.candidate }} />
        </Section>
      )}
    </div>
  );
}
