import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import {
  candidateLabel, compareStages, draftIssues, outcomeRows, requestKey, StageCells, whatIfBody, WhatIfAnswer, WhatIfCandidate, whatIfPath,
} from '../what-if-model';
import { ErrorBox, Loading, Table } from './ui';

const dash = '—';
const COLUMNS = ['entered', 'conversion', 'median days', 'p90 days', 'stuck now'];

function Cells({ c, side }: { c?: StageCells; side: string }) {
  if (!c) return <td colSpan={5} class="muted" data-label={side}>not a stage of {side}</td>;
  return (
    <>
      <td data-label={`${side}: ${COLUMNS[0]}`} class="num">{c.entered}</td>
      <td data-label={`${side}: ${COLUMNS[1]}`} class="num" title={c.conversionTitle}>{c.conversion}</td>
      <td data-label={`${side}: ${COLUMNS[2]}`} class="num">{c.median}</td>
      <td data-label={`${side}: ${COLUMNS[3]}`} class="num">{c.p90}</td>
      <td data-label={`${side}: ${COLUMNS[4]}`} class="num">{c.stuck}</td>
    </>
  );
}

/**
 * The metrics of a published version beside another version or a draft, over the same recorded
 * history (POST /pipelines/:id/what-if). Asks again whenever the inputs change by value.
 */
export function WhatIfPreview({ pipelineId, baselineVersion, candidate }: { pipelineId: string; baselineVersion: number; candidate: WhatIfCandidate }) {
  const key = requestKey(pipelineId, baselineVersion, candidate);
  const [state, setState] = useState<{ key?: string; data?: WhatIfAnswer; error?: Error }>({});
  useEffect(() => {
    let live = true;
    api<WhatIfAnswer>(whatIfPath(pipelineId), { method: 'POST', body: whatIfBody(baselineVersion, candidate) }).then(
      (data) => live && setState({ key, data }),
      (error: Error) => live && setState({ key, error }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  const loading = state.key !== key;
  const issues = state.error instanceof ApiError && state.error.code === 'PIPELINE.INVALID' ? draftIssues(state.error.details) : [];
  const a = state.data;
  const base = `version ${baselineVersion}`;
  const other = candidateLabel(candidate);
  return (
    <div class="what-if" data-testid="what-if-preview" aria-busy={loading}>
      <Loading when={loading} />
      {!loading && <ErrorBox error={state.error} />}
      {!loading && issues.length > 0 && (
        <ul class="error" data-testid="what-if-issues" aria-label="Problems with the draft">{issues.map((i) => <li key={i}>{i}</li>)}</ul>
      )}
      {a && (
        <>
          <p class="muted">{a.deals} deals replayed from {a.eventsRead} recorded events: {base} ({a.baseline.name}) beside {other} ({a.candidate.name}).</p>
          <Table label={`Per stage: ${base} beside ${other}`} head={[
            'Stage', ...COLUMNS.map((c) => `${base}: ${c}`), ...COLUMNS.map((c) => `${other}: ${c}`),
          ]} stack>
            {compareStages(a.baseline, a.candidate).map((row) => (
              <tr key={row.stageId} data-testid="what-if-stage" data-stage-id={row.stageId}>
                <th scope="row" data-label="Stage">{row.label}</th>
                <Cells c={row.baseline} side={base} />
                <Cells c={row.candidate} side={other} />
              </tr>
            ))}
          </Table>
          <Table label="Outcomes and sales cycle" head={['Outcome', base, other]}>
            {outcomeRows(a.baseline, a.candidate).map(([label, b, c]) => (
              <tr key={label} data-testid="what-if-outcome">
                <th scope="row">{label}</th><td class="num">{b || dash}</td><td class="num">{c || dash}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </div>
  );
}
