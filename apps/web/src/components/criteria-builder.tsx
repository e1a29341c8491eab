import {
  attributesOf, controlId, Combine, ConditionDraft, CriterionDraft, emptyCriterion, factChoices, moved, PipelineDraft, removed, replaced, toggledHas,
} from '../pipeline-editor-model';

const COMBINE: readonly [Combine, string][] = [['one', 'One fact'], ['allOf', 'All of these facts'], ['anyOf', 'Any of these facts']];

/** One fact of a criterion: which fact, which of its attributes must be present, which must equal a value. */
function ConditionEditor({ draft, c, at, name, onChange, onRemove }: {
  draft: PipelineDraft; c: ConditionDraft; at: string; name: string; onChange: (c: ConditionDraft) => void; onRemove?: () => void;
}) {
  const declared = attributesOf(draft, c.fact);
  const choices = factChoices(draft);
  const known = choices.some((x) => x.value === c.fact);
  return (
    <div class="condition" data-testid="condition">
      <label for={controlId(`Fact for ${name}`)}>Fact for {name}</label>
        <select id={controlId(`Fact for ${name}`)} value={c.fact} onChange={(e) => onChange({ fact: (e.target as HTMLSelectElement).value, has: [], where: [] })}>
          {!known && <option value={c.fact}>{c.fact || '— choose a fact —'}</option>}
          {choices.map((x) => <option key={x.value} value={x.value}>{x.label}</option>)}
        </select>
      {declared && declared.length > 0 && (
        <fieldset class="inline-choices">
          <legend>Must be present ({name})</legend>
          {declared.filter((a) => a.name).map((a) => (
            <label key={a.name}><input type="checkbox" checked={c.has.includes(a.name)}
              onChange={(e) => onChange(toggledHas(c, a.name, (e.target as HTMLInputElement).checked, declared))} /> {a.name}</label>
          ))}
        </fieldset>
      )}
      {c.where.map((w, i) => {
        const attribute = declared?.find((a) => a.name === w.attribute);
        const set = (patch: Partial<typeof w>) => onChange({ ...c, where: replaced(c.where, i, { ...w, ...patch }) });
        const condition = `${name}, condition ${i + 1}`;
        return (
          <div class="where-row" key={`${at}-where-${i}`}>
            {declared ? (
              <div class="field"><label for={controlId(`Attribute ${condition}`)}>Attribute ({condition})</label>
                <select id={controlId(`Attribute ${condition}`)} value={w.attribute} onChange={(e) => set({ attribute: (e.target as HTMLSelectElement).value, value: '' })}>
                  {!attribute && <option value={w.attribute}>{w.attribute || '— choose —'}</option>}
                  {declared.filter((a) => a.name).map((a) => <option key={a.name} value={a.name}>{a.name}</option>)}
                </select>
              </div>
            ) : (
              <label>Field ({condition})
                <input value={w.attribute} onInput={(e) => set({ attribute: (e.target as HTMLInputElement).value })} />
              </label>
            )}
            {attribute?.type === 'enum' || attribute?.type === 'boolean' ? (
              <div class="field"><label for={controlId(`equals ${condition}`)}>equals ({condition})</label>
                <select id={controlId(`equals ${condition}`)} value={w.value} onChange={(e) => set({ value: (e.target as HTMLSelectElement).value })}>
                  <option value="">— choose —</option>
                  {(attribute.type === 'boolean' ? ['true', 'false'] : attribute.values.split(',').map((v) => v.trim()).filter(Boolean))
                    .map((v) => <option key={v} value={v}>{v}</option>)}
                </select>
              </div>
            ) : (
              <label>equals ({condition})
                <input value={w.value} onInput={(e) => set({ value: (e.target as HTMLInputElement).value })} />
              </label>
            )}
            <button type="button" class="secondary" onClick={() => onChange({ ...c, where: removed(c.where, i) })}>Remove {condition}</button>
          </div>
        );
      })}
      <div class="change-actions">
        <button type="button" class="secondary" onClick={() => onChange({ ...c, where: [...c.where, { attribute: '', value: '' }] })}>
          Add a value condition to {name}
        </button>
        {onRemove && <button type="button" class="secondary" onClick={onRemove}>Remove {name}</button>}
      </div>
    </div>
  );
}

/** A stage's exit criteria: each a thing the buyer did, as a predicate over the built-in and declared facts. */
export function CriteriaBuilder({ draft, stageLabel, criteria, onChange }: {
  draft: PipelineDraft; stageLabel: string; criteria: readonly CriterionDraft[]; onChange: (next: readonly CriterionDraft[]) => void;
}) {
  return (
    <div class="criteria-builder">
      <h4>Exit criteria of {stageLabel}</h4>
      {criteria.length === 0 && <p class="muted">No exit criterion yet: every open stage needs at least one.</p>}
      <ol class="editor-list">
        {criteria.map((c, i) => {
          const name = `${stageLabel}, criterion ${i + 1}`;
          const set = (patch: Partial<CriterionDraft>) => onChange(replaced(criteria, i, { ...c, ...patch }));
          return (
            <li key={`criterion-${i}`} class="criterion" data-testid="criterion">
              <div class="fields">
                <label>Criterion id ({name})<input value={c.id} onInput={(e) => set({ id: (e.target as HTMLInputElement).value })} /></label>
                <label>Label ({name})<input value={c.label} onInput={(e) => set({ label: (e.target as HTMLInputElement).value })} /></label>
                <label>What the buyer did ({name})<input value={c.buyerOutcome} onInput={(e) => set({ buyerOutcome: (e.target as HTMLInputElement).value })} /></label>
              </div>
              {c.combine === 'kept' ? (
                <p>
                  <code>{JSON.stringify(c.kept)}</code>{' '}
                  <button type="button" class="secondary" onClick={() => set({ combine: 'one', conditions: [{ fact: '', has: [], where: [] }], kept: undefined })}>
                    Replace the predicate of {name}
                  </button>
                </p>
              ) : (
                <>
                  <label for={controlId(`Requires ${name}`)}>Requires ({name})</label>
                    <select id={controlId(`Requires ${name}`)} value={c.combine} onChange={(e) => {
                      const combine = (e.target as HTMLSelectElement).value as Combine;
                      set({ combine, conditions: combine === 'one' ? c.conditions.slice(0, 1) : c.conditions });
                    }}>
                      {COMBINE.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
                    </select>
                  {c.conditions.map((x, j) => (
                    <ConditionEditor key={`c-${j}`} draft={draft} c={x} at={`${i}-${j}`}
                      name={c.combine === 'one' ? name : `${name}, fact ${j + 1}`}
                      onChange={(next) => set({ conditions: replaced(c.conditions, j, next) })}
                      onRemove={c.combine === 'one' ? undefined : () => set({ conditions: removed(c.conditions, j) })} />
                  ))}
                  {c.combine !== 'one' && (
                    <button type="button" class="secondary" onClick={() => set({ conditions: [...c.conditions, { fact: '', has: [], where: [] }] })}>
                      Add a fact to {name}
                    </button>
                  )}
                </>
              )}
              <div class="change-actions">
                <button type="button" class="secondary" disabled={i === 0} onClick={() => onChange(moved(criteria, i, -1))}>Move {name} up</button>
                <button type="button" class="secondary" disabled={i === criteria.length - 1} onClick={() => onChange(moved(criteria, i, 1))}>Move {name} down</button>
                <button type="button" class="secondary" onClick={() => onChange(removed(criteria, i))}>Remove {name}</button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...criteria, emptyCriterion()])}>Add an exit criterion to {stageLabel}</button>
    </div>
  );
}
