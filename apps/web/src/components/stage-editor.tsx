import { emptyStage, moved, PipelineDraft, PostCloseDraft, removed, replaced, StageDraft } from '../pipeline-editor-model';
import { CriteriaBuilder } from './criteria-builder';

const value = (e: Event) => (e.target as HTMLInputElement).value;

/** Up, down and remove for item `i` of a list, named so a screen reader tells them apart. */
function ListActions<T>({ list, i, name, onChange }: { list: readonly T[]; i: number; name: string; onChange: (next: readonly T[]) => void }) {
  return (
    <div class="change-actions">
      <button type="button" class="secondary" disabled={i === 0} onClick={() => onChange(moved(list, i, -1))}>Move {name} up</button>
      <button type="button" class="secondary" disabled={i === list.length - 1} onClick={() => onChange(moved(list, i, 1))}>Move {name} down</button>
      <button type="button" class="secondary" onClick={() => onChange(removed(list, i))}>Remove {name}</button>
    </div>
  );
}

/** The open stages in order, each with its probability, stuck threshold and exit criteria. */
export function StagesEditor({ draft, onChange }: { draft: PipelineDraft; onChange: (next: readonly StageDraft[]) => void }) {
  const stages = draft.stages;
  return (
    <div>
      <ol class="editor-list">
        {stages.map((s, i) => {
          const name = `stage ${i + 1}`;
          const set = (patch: Partial<StageDraft>) => onChange(replaced(stages, i, { ...s, ...patch }));
          return (
            <li key={`stage-${i}`} class="stage-editor" data-testid="stage-editor" data-stage-id={s.id}>
              <h3>{i + 1}. {s.name || 'New stage'}</h3>
              <div class="fields">
                <label>Name ({name})<input value={s.name} onInput={(e) => set({ name: value(e) })} /></label>
                <label>Id ({name})<input value={s.id} placeholder="kebab-case" onInput={(e) => set({ id: value(e) })} /></label>
                <label>Win probability 0–1 ({name})<input value={s.probability} inputMode="decimal" onInput={(e) => set({ probability: value(e) })} /></label>
                <label>Stuck after days ({name})<input value={s.stuckAfterDays} inputMode="numeric" onInput={(e) => set({ stuckAfterDays: value(e) })} /></label>
              </div>
              <CriteriaBuilder draft={draft} stageLabel={name} criteria={s.exitCriteria} onChange={(exitCriteria) => set({ exitCriteria })} />
              <ListActions list={stages} i={i} name={name} onChange={onChange} />
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...stages, emptyStage()])}>Add a stage</button>
    </div>
  );
}

/** None, or the three steps after the win: hand-off, implementation, live. */
export function PostCloseEditor({ stages, onChange }: { stages: readonly PostCloseDraft[]; onChange: (next: readonly PostCloseDraft[]) => void }) {
  return (
    <div>
      {stages.length === 0 && <p class="muted">No post-close stages.</p>}
      <ol class="editor-list">
        {stages.map((s, i) => {
          const name = `post-close stage ${i + 1}`;
          const set = (patch: Partial<PostCloseDraft>) => onChange(replaced(stages, i, { ...s, ...patch }));
          return (
            <li key={`post-${i}`} data-testid="post-close-editor">
              <div class="fields">
                <label>Name ({name})<input value={s.name} onInput={(e) => set({ name: value(e) })} /></label>
                <label>Id ({name})<input value={s.id} onInput={(e) => set({ id: value(e) })} /></label>
                <label>Stuck after days ({name})<input value={s.stuckAfterDays} inputMode="numeric" onInput={(e) => set({ stuckAfterDays: value(e) })} /></label>
              </div>
              <ListActions list={stages} i={i} name={name} onChange={onChange} />
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...stages, { id: '', name: '', stuckAfterDays: '' }])}>Add a post-close stage</button>
    </div>
  );
}
