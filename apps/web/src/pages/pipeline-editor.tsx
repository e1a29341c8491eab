import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { FactTypeEditor } from '../components/fact-type-editor';
import { PostCloseEditor, StagesEditor } from '../components/stage-editor';
import { ErrorBox, Loading, Section } from '../components/ui';
import { WhatIfPreview } from '../components/what-if-preview';
import { useApi, useCommand } from '../hooks';
import {
  draftFrom, issuesOfRefusal, issueWhere, PipelineDraft, PipelineIssue, problemsOf, publishBody, PublishedVersion,
} from '../pipeline-editor-model';

interface PipelineSummary { readonly pipelineId: string; readonly name: string; readonly latestVersion: number; readonly isDefault: boolean }

function Problems({ title, issues, draft, testId }: { title: string; issues: readonly PipelineIssue[]; draft: PipelineDraft; testId: string }) {
  return (
    <div data-testid={testId}>
      <h3>{title}</h3>
      <ul class="problems">
        {issues.map((issue) => (
          <li key={`${issue.path}:${issue.message}`} data-path={issue.path}>
            {issueWhere(issue.path, draft)}: {issue.message} <small class="code">{issue.path}</small>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Sales-ops write the next version of a pipeline from one already published; every problem shows as they type. */
export function PipelineEditorPage() {
  const [published, setPublished] = useState<{ version: number; position: number }>();
  const pipelines = useApi<readonly PipelineSummary[]>('/pipelines');
  const [pipelineId, setPipelineId] = useState<string>();
  const chosen = pipelineId ?? pipelines.data?.find((p) => p.isDefault)?.pipelineId ?? pipelines.data?.[0]?.pipelineId;
  // The API answers a publish once its catalog holds the version, so reading again finds it.
  const versions = useApi<readonly PublishedVersion[]>(chosen === undefined ? undefined : `/pipelines/${encodeURIComponent(chosen)}/versions`);
  const [from, setFrom] = useState<number>();
  const latest = versions.data?.at(-1)?.version;
  const base = versions.data?.find((v) => v.version === (from ?? latest));
  const [draft, setDraft] = useState<PipelineDraft>();
  const { busy, error, send } = useCommand();
  const [serverIssues, setServerIssues] = useState<readonly PipelineIssue[]>([]);

  // A new starting point (another pipeline or version, or the one just published) starts a new draft.
  const startKey = base && latest !== undefined ? `${base.pipelineId}@${base.version}/${latest}` : undefined;
  useEffect(() => {
    if (base && latest !== undefined) setDraft(draftFrom(base, latest + 1));
  }, [startKey]);

  const problems = useMemo(() => (draft ? problemsOf(draft) : []), [draft]);
  // The what-if replays the whole history: it runs when asked, on the draft as it was then.
  const [previewed, setPreviewed] = useState<{ baselineVersion: number; body: ReturnType<typeof publishBody>; text: string }>();
  const draftText = useMemo(() => (draft ? JSON.stringify(publishBody(draft)) : ''), [draft]);
  const edit = (patch: Partial<PipelineDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  const publish = async () => {
    if (!draft) return;
    setServerIssues([]);
    const answer = await send(`/pipelines/${encodeURIComponent(draft.pipelineId)}/versions`, publishBody(draft));
    if (!answer) return;
    setPublished({ version: draft.version, position: answer.position });
    setFrom(draft.version);
    versions.reload();
  };
  useEffect(() => {
    setServerIssues(error instanceof ApiError ? issuesOfRefusal(error.details) : []);
  }, [error]);

  return (
    <div class="pipeline-editor">
      <header class="page-head"><h1>Pipeline editor</h1></header>
      <p class="muted">Each change is a new version; deals stay on the version they opened on until they are migrated.</p>
      <ErrorBox error={pipelines.error ?? versions.error} />
      <Loading when={pipelines.loading && !pipelines.data} />
      {pipelines.data && (
        <div class="filters">
          <div><label for="pe-pipeline">Pipeline</label>
            <select id="pe-pipeline" value={chosen} onChange={(e) => { setPipelineId((e.target as HTMLSelectElement).value); setFrom(undefined); }}>
              {pipelines.data.map((p) => <option key={p.pipelineId} value={p.pipelineId}>{p.name} ({p.pipelineId})</option>)}
            </select>
          </div>
          {versions.data && (
            <div><label for="pe-from">Start from version</label>
              <select id="pe-from" value={String(base?.version ?? '')} onChange={(e) => setFrom(Number((e.target as HTMLSelectElement).value))}>
                {versions.data.map((v) => <option key={v.version} value={String(v.version)}>{v.version}: {v.name}{v.publishedBy ? ` (by ${v.publishedBy})` : ''}</option>)}
              </select>
            </div>
          )}
        </div>
      )}
      {published && <p class="ok" role="status" data-testid="published">Published version {published.version}.</p>}
      {draft && (
        <form onSubmit={(e) => { e.preventDefault(); void publish(); }}>
          <Section title={`Version ${draft.version} of ${draft.pipelineId}`}>
            <label>Version name<input value={draft.name} onInput={(e) => edit({ name: (e.target as HTMLInputElement).value })} /></label>
          </Section>
          <Section title="Open stages">
            <StagesEditor draft={draft} onChange={(stages) => edit({ stages })} />
          </Section>
          <Section title="Post-close stages">
            <PostCloseEditor stages={draft.postCloseStages} onChange={(postCloseStages) => edit({ postCloseStages })} />
          </Section>
          <Section title="Custom fact types">
            <FactTypeEditor factTypes={draft.factTypes} onChange={(factTypes) => edit({ factTypes })} />
          </Section>
          <section class="panel" aria-labelledby="what-if-heading" data-testid="what-if-section">
            <h2 id="what-if-heading">What-if preview</h2>
            <p class="muted">How the deals recorded so far would have gone under this draft, next to version {base?.version}: the same facts, the draft's criteria.</p>
            <button type="button" class="secondary" disabled={!draft || !base || problems.length > 0}
              onClick={() => draft && base && setPreviewed({ baselineVersion: base.version, body: publishBody(draft), text: draftText })}>
              Preview against version {base?.version}
            </button>
            {previewed && previewed.text !== draftText && <p class="muted" data-testid="what-if-stale">The draft has changed since this preview.</p>}
            {previewed && draft && (
              <WhatIfPreview pipelineId={draft.pipelineId} baselineVersion={previewed.baselineVersion} candidate={{ definition: previewed.body }} />
            )}
          </section>
          <div class="panel publish-bar" aria-live="polite">
            {problems.length > 0
              ? <Problems title={`${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before publishing`} issues={problems} draft={draft} testId="draft-problems" />
              : <p class="ok" data-testid="draft-ok">No problems: version {draft.version} can be published.</p>}
            {serverIssues.length > 0 && <Problems title="The API refused the version" issues={serverIssues} draft={draft} testId="server-problems" />}
            {serverIssues.length === 0 && <ErrorBox error={error} />}
            <button type="submit" disabled={busy}>Publish version {draft.version}</button>
          </div>
        </form>
      )}
    </div>
  );
}
